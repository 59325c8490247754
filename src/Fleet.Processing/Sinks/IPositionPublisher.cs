namespace Fleet.Processing.Sinks;

/// <summary>Publishes enriched points to <c>vehicle.positions</c>; returns once Kafka has every one.</summary>
internal interface IPositionPublisher
{
    Task PublishAsync(IReadOnlyList<EnrichedPoint> points, CancellationToken cancellationToken);
}
