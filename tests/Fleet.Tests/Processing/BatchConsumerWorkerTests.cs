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

    private static async Task RunUntil(ScriptedConsumer consumer, RecordingHandler handler, Func<bool> done)
    {
        var settings = new BatchWorkerSettings("test", ["t"], MaxBatchSize: 100, MaxBatchAge: TimeSpan.FromMilliseconds(50), RetryDelay: TimeSpan.FromMilliseconds(10));
        using var worker = new BatchConsumerWorker(settings, () => consumer, handler, TimeProvider.System, NullLogger<BatchConsumerWorker>.Instance);
        await worker.StartAsync(TestContext.Current.CancellationToken);
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
                _next = messages.FindIndex(m => m.TopicPartitionOffset == offset);
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
}
