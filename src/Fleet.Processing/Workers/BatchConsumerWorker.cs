using Confluent.Kafka;

namespace Fleet.Processing.Workers;

/// <summary>
/// STYLE.md §7: consume off the host thread, flush on size or age, side effects first and then commit the next
/// offsets. A failed batch is not committed: its partitions are rewound and it is retried. Fatal errors stop the worker.
/// </summary>
internal sealed partial class BatchConsumerWorker(BatchWorkerSettings settings, Func<IBatchConsumer> consumerFactory,
    IBatchHandler handler, TimeProvider clock, ILogger<BatchConsumerWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(50);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(() => RunAsync(stoppingToken), stoppingToken);   // Consume() blocks: keep it off the host thread

    private async Task RunAsync(CancellationToken ct)
    {
        using var consumer = consumerFactory();
        consumer.Subscribe(settings.Topics);
        var batch = new List<ConsumeResult<string, byte[]>>(settings.MaxBatchSize);
        var flushAt = DateTimeOffset.MaxValue;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    if (consumer.Consume(PollTimeout) is { } result && !result.IsPartitionEOF)
                    {
                        if (batch.Count == 0)
                        {
                            flushAt = clock.GetUtcNow() + settings.MaxBatchAge;
                        }

                        batch.Add(result);
                    }
                }
                catch (ConsumeException e) when (!e.Error.IsFatal)
                {
                    LogConsumeError(logger, settings.Name, e.Error.Reason);
                }

                if (batch.Count == 0 || (batch.Count < settings.MaxBatchSize && clock.GetUtcNow() < flushAt))
                {
                    continue;
                }

                await FlushAsync(consumer, batch, ct);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutdown: an unfinished batch is not committed and is consumed again by whoever owns the partition next.
        }
        catch (ConsumeException e) when (e.Error.IsFatal)
        {
            LogFatal(logger, settings.Name, e.Error.Reason);
            throw;
        }
        finally
        {
            consumer.Close();
        }
    }

    private async Task FlushAsync(IBatchConsumer consumer, List<ConsumeResult<string, byte[]>> batch, CancellationToken ct)
    {
        try
        {
            await handler.HandleAsync(batch, ct);                       // 1. every side effect (idempotent)
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogBatchFailed(logger, e, settings.Name, batch.Count);
            foreach (var first in batch.GroupBy(r => r.TopicPartition).Select(g => g.MinBy(r => r.Offset.Value)!))
            {
                TryRun(() => consumer.Seek(first.TopicPartitionOffset));
            }

            await Task.Delay(settings.RetryDelay, ct);
            return;
        }

        // 2. then the next offsets. A partition revoked meanwhile fails to commit: its new owner replays, sinks dedup.
        TryRun(() => consumer.Commit(batch.GroupBy(r => r.TopicPartition)
            .Select(g => new TopicPartitionOffset(g.Key, g.Max(r => r.Offset.Value) + 1))));
    }

    private void TryRun(Action action)
    {
        try
        {
            action();
        }
        catch (KafkaException e) when (!e.Error.IsFatal)
        {
            LogCommitError(logger, settings.Name, e.Error.Reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Worker}: consume error {Reason}")]
    private static partial void LogConsumeError(ILogger logger, string worker, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Worker}: fatal Kafka error {Reason}; the worker stops")]
    private static partial void LogFatal(ILogger logger, string worker, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Worker}: a batch of {Count} failed; not committed, retrying from its first offsets")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, string worker, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Worker}: commit/seek failed ({Reason}); the batch will be replayed")]
    private static partial void LogCommitError(ILogger logger, string worker, string reason);
}
