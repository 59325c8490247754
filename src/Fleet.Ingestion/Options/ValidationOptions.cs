namespace Fleet.Ingestion.Options;

/// <summary>Technical validation limits (CONTRACTS.md §1).</summary>
public sealed class ValidationOptions
{
    /// <summary>Oldest device time accepted; replays of old captures raise it.</summary>
    public TimeSpan MaxPointAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How far a device clock may run ahead of ours.</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(5);

    public double MaxSpeedKmh { get; set; } = 1000;
}
