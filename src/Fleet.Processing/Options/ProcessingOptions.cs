namespace Fleet.Processing.Options;

/// <summary>Settings of section <c>Processing</c>.</summary>
internal sealed class ProcessingOptions
{
    /// <summary>Prefix of every Redis key (docs/redis-layout.md writes them with the default <c>fleet:</c>).</summary>
    public string KeyPrefix { get; set; } = "fleet:";

    /// <summary>Consumer group of <c>telemetry.raw</c>.</summary>
    public string TelemetryGroup { get; set; } = "fleet-processing";

    /// <summary>Consumer group of the four <c>*.updated</c> topics.</summary>
    public string ReferenceGroup { get; set; } = "fleet-processing-reference";

    /// <summary>
    /// A telemetry batch is flushed when it holds this many messages ... Large, because state is coalesced per vehicle
    /// per batch: under a backlog a bigger batch writes each vehicle's state once for several points (and ClickHouse
    /// gets fewer, larger parts). When traffic is light the age limit flushes long before.
    /// </summary>
    public int MaxBatchSize { get; set; } = 40000;

    /// <summary>... or when its first message is this old.</summary>
    public TimeSpan MaxBatchAge { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Telemetry batches whose sinks may run at once: the next batch is consumed and enriched while earlier ones write.
    /// Offsets are still committed in order, each only after its batch and every earlier one succeeded.
    /// </summary>
    public int MaxBatchesInFlight { get; set; } = 4;

    /// <summary>Pause before a failed batch is retried from its first offsets.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Speed from which a vehicle counts as moving (km/h).</summary>
    public double MovingSpeedKmh { get; set; } = 3;

    /// <summary>How often the Redis reference cache generation is checked against PostgreSQL (a flushed Redis is rebuilt).</summary>
    public TimeSpan CacheCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    public PresenceOptions Presence { get; set; } = new();
}
