namespace Fleet.Ingestion.Options;

/// <summary>Per-device token bucket, counted in points.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Sustained points per second per device; 0 switches the limit off.</summary>
    public double PointsPerSecond { get; set; } = 100;

    /// <summary>Bucket size: a device may send this many points at once (a black-box dump after a tunnel).</summary>
    public double Burst { get; set; } = 2000;
}
