using Confluent.Kafka;

namespace Fleet.Processing.Workers;

/// <summary>Every side effect of one batch; returns only when all of them are durable (then the worker commits).</summary>
internal interface IBatchHandler
{
    Task HandleAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken cancellationToken);
}
