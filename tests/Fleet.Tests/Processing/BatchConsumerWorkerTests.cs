using Confluent.Kafka;
using Fleet.Processing.Workers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fleet.Tests.Processing;

/// <summary>The batch worker's contract with fakes of its own seams: side effects before commit, no commit on failure.</summary>
public sealed class BatchConsumerWorkerTests
{
    [Fact]
    public async Task Flush_HandlerSucceeds_HandlesBeforeCommittingNextOffsets()
    {
        var journal = new List<string>();
        var consumer = new ScriptedConsumer(journal, Messages(("t", 0, 5), ("t", 0, 6), ("t", 1, 9)));
        var handler = new RecordingHandler(journal, failures: 0);

        await RunUntil(consumer, handler, () => consumer.Commits.Count >= 1);

        Assert.Equal(["handle 3", "commit t[0]@7,t[1]@10"], journal.Take(2));
    }

    [Fact]
    public async Task Flush_HandlerFails_NoCommitRewindsAndRetriesThenCommits()
    {
        var journal = new List<string>();
        var consumer = new ScriptedConsumer(journal, Messages(("t", 0, 5), ("t", 0, 6)));
        var handler = new RecordingHandler(journal, failures: 1);

        await RunUntil(consumer, handler, () => consumer.Commits.Count >= 1);

        Assert.Equal(["handle 2", "seek t[0]@5", "handle 2", "commit t[0]@7"], journal.Take(4));
    }

    [Fact]
    public async Task Pipelined_LaterBatchFinishesFirst_BothRunAtOnceAndCommitInBatchOrder()
    {
        var journal = new List<string>();
        var consumer = new ScriptedConsumer(journal, Messages(("t", 0, 5), ("t", 0, 6), ("t", 1, 9), ("t", 0, 7)));
        var handler = new GatedHandler(journal, gated: 2);

        await RunUntil(consumer, handler, () => consumer.Commits.Count >= 2, inFlight: 3, maxBatch: 2, whileRunning: async () =>
        {
            await handler.WaitStartedAsync(2);   // the second batch started while the first still writes
            handler.Finish(1, fail: false);
            handler.Finish(0, fail: false);
        });

        Assert.Equal(["start 2", "start 2", "finish #1 ok", "finish #0 ok", "commit t[0]@7", "commit t[0]@8,t[1]@10"], journal);
    }

    [Fact]
    public async Task Pipelined_EarlierBatchFailsLaterSucceeds_NothingCommittedAllRewoundThenReplayed()
    {
        var journal = new List<string>();
        var consumer = new ScriptedConsumer(journal, Messages(("t", 0, 5), ("t", 0, 6), ("t", 1, 9), ("t", 0, 7)));
        var handler = new GatedHandler(journal, gated: 2);

        await RunUntil(consumer, handler, () => consumer.Commits.Count >= 2, inFlight: 3, maxBatch: 2, whileRunning: async () =>
        {
            await handler.WaitStartedAsync(2);
            handler.Finish(0, fail: true);
            handler.Finish(1, fail: false);
        });

        Assert.Equal(["start 2", "start 2", "finish #0 failed", "finish #1 ok", "seek t[0]@5", "seek t[1]@9"], journal.Take(6));
        // The replay: both batches again (a finished one may be committed before the next starts), commits in order.
        Assert.Equal(2, journal.Skip(6).Count(line => line == "start 2"));
        Assert.Equal(["commit t[0]@7", "commit t[0]@8,t[1]@10"], journal.Where(line => line.StartsWith("commit", StringComparison.Ordinal)));
    }

    private static async Task RunUntil(ScriptedConsumer consumer, IBatchHandler handler, Func<bool> done, int inFlight = 1,
        int maxBatch = 100, Func<Task>? whileRunning = null)
    {
        var settings = new BatchWorkerSettings("test", ["t"], MaxBatchSize: maxBatch, MaxBatchAge: TimeSpan.FromMilliseconds(50),
            RetryDelay: TimeSpan.FromMilliseconds(10), MaxBatchesInFlight: inFlight);
        using var worker = new BatchConsumerWorker(settings, () => consumer, handler, TimeProvider.System, NullLogger<BatchConsumerWorker>.Instance);
        await worker.StartAsync(TestContext.Current.CancellationToken);
        if (whileRunning is not null)
        {
            await whileRunning();
        }

        await Eventually.Get(() => Task.FromResult(done()), d => d, seconds: 10);
        await worker.StopAsync(TestContext.Current.CancellationToken);
        Assert.True(done());
        Assert.True(consumer.Closed);
    }

    private static List<ConsumeResult<string, byte[]>> Messages(params (string Topic, int Partition, long Offset)[] at) =>
        at.Select(a => new ConsumeResult<string, byte[]>
        {
            TopicPartitionOffset = new TopicPartitionOffset(a.Topic, a.Partition, a.Offset),
            Message = new Message<string, byte[]> { Key = "k", Value = [1] },
        }).ToList();

    /// <summary>Hands out its messages in order; a seek rewinds to the sought offset, as a broker would.</summary>
    private sealed class ScriptedConsumer(List<string> journal, List<ConsumeResult<string, byte[]>> messages) : IBatchConsumer
    {
        private int _next;

        public List<string> Commits { get; } = [];

        public bool Closed { get; private set; }

        public void Subscribe(IEnumerable<string> topics)
        {
        }

        public ConsumeResult<string, byte[]>? Consume(TimeSpan timeout)
        {
            lock (journal)
            {
                if (_next < messages.Count)
                {
                    return messages[_next++];
                }
            }

            Thread.Sleep(timeout);
            return null;
        }

        public void Commit(IEnumerable<TopicPartitionOffset> offsets)
        {
            var line = "commit " + string.Join(",", offsets.OrderBy(o => o.Partition.Value).Select(o => $"{o.Topic}[{o.Partition.Value}]@{o.Offset.Value}"));
            lock (journal)
            {
                journal.Add(line);
                Commits.Add(line);
            }
        }

        public void Seek(TopicPartitionOffset offset)
        {
            lock (journal)
            {
                journal.Add($"seek {offset.Topic}[{offset.Partition.Value}]@{offset.Offset.Value}");
                // One cursor over every partition: rewinding several partitions replays from the earliest of them.
                _next = Math.Min(_next, messages.FindIndex(m => m.TopicPartitionOffset == offset));
            }
        }

        public void Close() => Closed = true;

        public void Dispose()
        {
        }
    }

    private sealed class RecordingHandler(List<string> journal, int failures) : IBatchHandler
    {
        private int _failuresLeft = failures;

        public Task HandleAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken cancellationToken)
        {
            lock (journal)
            {
                journal.Add($"handle {batch.Count}");
            }

            return _failuresLeft-- > 0 ? Task.FromException(new InvalidOperationException("sink down")) : Task.CompletedTask;
        }
    }

    /// <summary>The first <c>gated</c> batches finish only when the test says so; later ones at once.</summary>
    private sealed class GatedHandler(List<string> journal, int gated) : IBatchHandler
    {
        private readonly List<TaskCompletionSource> _gates = [.. Enumerable.Range(0, gated).Select(_ => new TaskCompletionSource())];
        private int _started;

        public Task HandleAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("a pipelined worker starts batches with StartAsync");

        public Task<Task> StartAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken cancellationToken)
        {
            lock (journal)
            {
                journal.Add($"start {batch.Count}");
                var index = _started++;
                return Task.FromResult(index < _gates.Count ? _gates[index].Task : Task.CompletedTask);
            }
        }

        public async Task WaitStartedAsync(int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);   // the caller's assertions report a batch that never started
            while (Volatile.Read(ref _started) < count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }
        }

        public void Finish(int index, bool fail)
        {
            lock (journal)
            {
                journal.Add($"finish #{index} {(fail ? "failed" : "ok")}");
            }

            if (fail)
            {
                _gates[index].SetException(new InvalidOperationException("sink down"));
            }
            else
            {
                _gates[index].SetResult();
            }
        }
    }
}
