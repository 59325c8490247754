namespace Fleet.Ingestion.Pipeline;

public enum PublishStatus
{
    /// <summary>Every valid point is in Kafka: acknowledge.</summary>
    Delivered,

    /// <summary>Kafka did not confirm every valid point (down, slow, budget full): acknowledge nothing.</summary>
    Unavailable,
}
