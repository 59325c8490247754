namespace Fleet.Ingestion.Options;

/// <summary>Settings under <c>Ingestion</c> (CONTRACTS.md §1 names the public ones).</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    public DevicePortOptions Ports { get; set; } = new();

    public ValidationOptions Validation { get; set; } = new();

    /// <summary>What to do with a device that is not in <c>fleet:devices</c>: Reject in production, Accept on the dev stack.</summary>
    public UnknownDevicePolicy UnknownDevices { get; set; } = UnknownDevicePolicy.Reject;

    public DeviceTrustOptions Devices { get; set; } = new();

    public PublishOptions Publish { get; set; } = new();

    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Largest Fleet JSON / OsmAnd request body; a larger one answers 413.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Written into every TelemetryMessage so a point can be traced back to its gate; defaults to the host name.</summary>
    public string? InstanceId { get; set; }
}
