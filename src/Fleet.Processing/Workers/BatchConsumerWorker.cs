using Confluent.Kafka;

namespace Fleet.Processing.Workers;

/// <summary>
/// STYLE.md §7: consume off the host thread, flush on size or age, side effects first and then commit the next
/// offsets. Up to <see cref="BatchWorkerSettings.MaxBatchesInFlight"/> batches run at once (the next is consumed and
/// enriched while earlier sinks write); offsets are committed strictly in batch order, each only once that batch and
/// every earlier one succeeded. A failed batch is not committed: the worker lets the later in-flight batches finish,
/// commits none of them, rewinds their partitions to the failed batch's first offsets and retries. Fatal errors stop it.
/// </summary>
internal sealed partial class BatchConsumerWorker(BatchWorkerSettings settings, Func<IBatchConsumer> consumerFactory,
    IBatchHandler handler, TimeProvider clock, ILogger<BatchConsumerWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(50);

    private readonly Queue<(List<ConsumeResult<string, byte[]>> Batch, Task Done)> _inFlight = new();

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

                if (!await CommitFinishedAsync(consumer, batch, wait: false, ct))
                {
                    continue;   // rewound: the partial batch was dropped and is consumed again
                }

                if (batch.Count == 0 || (batch.Count < settings.MaxBatchSize && clock.GetUtcNow() < flushAt))
                {
                    continue;
                }

                if (_inFlight.Count >= settings.MaxBatchesInFlight && !await CommitFinishedAsync(consumer, batch, wait: true, ct))
                {
                    continue;
                }

                await StartAsync(consumer, batch, ct);
                batch = new List<ConsumeResult<string, byte[]>>(settings.MaxBatchSize);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutdown: unfinished batches are not committed and are consumed again by whoever owns the partition next.
        }
        catch (ConsumeException e) when (e.Error.IsFatal)
        {
            LogFatal(logger, settings.Name, e.Error.Reason);
            throw;
        }
        finally
        {
            await WhenAllSettled(_inFlight.Select(f => f.Done));
            _inFlight.Clear();
            consumer.Close();
        }
    }

    private async Task StartAsync(IBatchConsumer consumer, List<ConsumeResult<string, byte[]>> batch, CancellationToken ct)
    {
        Task done;
        try
        {
            // 1. every side effect (idempotent); with one batch in flight, the whole batch is awaited before the next.
            done = settings.MaxBatchesInFlight > 1 ? await handler.StartAsync(batch, ct) : handler.HandleAsync(batch, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            done = Task.FromException(e);
        }

        _inFlight.Enqueue((batch, done));
        if (settings.MaxBatchesInFlight == 1)
        {
            await CommitFinishedAsync(consumer, [], wait: true, ct);
        }
    }

    /// <summary>
    /// 2. commits finished batches from the head of the queue, in order (waiting for the head when <paramref name="wait"/>).
    /// False when a batch failed and the partitions were rewound (<paramref name="pending"/> is then cleared).
    /// </summary>
    private async Task<bool> CommitFinishedAsync(IBatchConsumer consumer, List<ConsumeResult<string, byte[]>> pending, bool wait, CancellationToken ct)
    {
        while (_inFlight.TryPeek(out var head) && (wait || head.Done.IsCompleted))
        {
            wait = false;
            try
            {
                await head.Done;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogBatchFailed(logger, e, settings.Name, head.Batch.Count);
                await RewindAsync(consumer, pending, ct);
                return false;
            }

            _inFlight.Dequeue();
            // A partition revoked meanwhile fails to commit: its new owner replays, sinks dedup.
            TryRun(() => consumer.Commit(head.Batch.GroupBy(r => r.TopicPartition)
                .Select(g => new TopicPartitionOffset(g.Key, g.Max(r => r.Offset.Value) + 1))));
        }

        return true;
    }

    private async Task RewindAsync(IBatchConsumer consumer, List<ConsumeResult<string, byte[]>> pending, CancellationToken ct)
    {
        var uncommitted = _inFlight.ToList();
        _inFlight.Clear();
        await WhenAllSettled(uncommitted.Select(f => f.Done));   // later batches may still write; none is committed
        var all = uncommitted.SelectMany(f => f.Batch).Concat(pending);
        foreach (var first in all.GroupBy(r => r.TopicPartition).Select(g => g.MinBy(r => r.Offset.Value)!))
        {
            TryRun(() => consumer.Seek(first.TopicPartitionOffset));
        }

        pending.Clear();
        await Task.Delay(settings.RetryDelay, ct);
    }

    private static async Task WhenAllSettled(IEnumerable<Task> tasks)
    {
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (Exception)
        {
            // Outcomes are handled by the caller (no commit); here we only wait for the writes to stop.
        }
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
