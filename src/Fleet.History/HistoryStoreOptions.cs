namespace Fleet.History;

/// <summary>Settings under <c>History</c>.</summary>
public sealed class HistoryStoreOptions
{
    public HistoryStoreKind Store { get; set; } = HistoryStoreKind.ClickHouse;

    /// <summary>Table name (PostgreSQL day partitions are named <c>{Table}_yyyyMMdd</c>).</summary>
    public string Table { get; set; } = "history_points";

    /// <summary>Run <see cref="IHistoryStore.MigrateAsync"/> when the host starts.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>ClickHouse on current releases only: drop points older than this many days (TTL); null keeps everything.</summary>
    public int? RetentionDays { get; set; }
}
