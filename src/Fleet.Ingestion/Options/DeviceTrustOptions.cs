namespace Fleet.Ingestion.Options;

/// <summary>Where the device trust cache lives in Redis (docs/redis-layout.md) and how often it is re-read in full.</summary>
public sealed class DeviceTrustOptions
{
    /// <summary>Prefix of every key; tests give each class its own.</summary>
    public string KeyPrefix { get; set; } = "fleet:";

    /// <summary>Safety net against a missed change message.</summary>
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromMinutes(5);
}
