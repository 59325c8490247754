using Confluent.Kafka;

namespace Fleet.Processing.Workers;

/// <summary>Every side effect of one batch; returns only when all of them are durable (then the worker commits).</summary>
internal interface IBatchHandler
{
    Task HandleAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken cancellationToken);

    /// <summary>
    /// For pipelined workers: completes once the batch's ordered part is done (decoded, enriched, its outgoing messages
    /// queued in order); the inner task completes when every side effect is durable. Batches are started one after the
    /// other, so what a later batch queues never overtakes an earlier one.
    /// </summary>
    Task<Task> StartAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken cancellationToken) =>
        Task.FromResult(HandleAsync(batch, cancellationToken));
}
