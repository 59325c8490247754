namespace Fleet.Ingestion.Options;

/// <summary>How much un-acknowledged data the gate may hold while Kafka works on it.</summary>
public sealed class PublishOptions
{
    /// <summary>Serialised bytes produced but not yet confirmed by Kafka, across all connections.</summary>
    public long MaxInFlightBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How long a frame may wait for room in the budget before the gate gives up (503 / no ACK).</summary>
    public TimeSpan BudgetWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Retry-After on a 503; also librdkafka's message.timeout.ms unless Kafka:Producer sets it.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long Kafka may take to confirm a message before the device is told to come back later.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
