namespace Fleet.Ingestion.Pipeline;

/// <summary>What happened to a frame's points: how many Kafka has, which were dropped by validation.</summary>
public sealed record PublishResult(PublishStatus Status, int Accepted, IReadOnlyList<PointRejection> Rejected, string? Failure = null)
{
    public bool IsDelivered => Status == PublishStatus.Delivered;
}
