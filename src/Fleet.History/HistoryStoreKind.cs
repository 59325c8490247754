namespace Fleet.History;

/// <summary>Which database holds the history (<c>History:Store</c>).</summary>
public enum HistoryStoreKind
{
    /// <summary>ClickHouse (connection string <c>clickhouse</c>): the default, for any fleet size.</summary>
    ClickHouse,

    /// <summary>Day-partitioned PostgreSQL (connection string <c>fleet</c>): small installs with one database.</summary>
    Postgres,
}
