using Confluent.Kafka;
using Fleet.Contracts;
using Fleet.Contracts.Telemetry;

namespace Fleet.Tests.Ingestion;

/// <summary>Reads what actually landed in Kafka, from the beginning of every partition, filtered by key.</summary>
public static class TelemetryRawReader
{
    /// <summary>
    /// The latest <paramref name="count"/> messages keyed <paramref name="deviceId"/> on telemetry.raw, polling until
    /// there are that many (generous deadline). Tests of a class share devices, so the earliest messages of a key may be
    /// another test's; a key's messages stay in order on one partition, so the latest are the calling test's.
    /// </summary>
    public static List<TelemetryMessage> WaitFor(string bootstrap, string deviceId, int count)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "reader-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
        }).Build();
        var partitions = Enumerable.Range(0, Topics.All.Single(t => t.Name == Topics.TelemetryRaw).Partitions).ToList();
        consumer.Assign(partitions.Select(p => new TopicPartitionOffset(Topics.TelemetryRaw, p, Offset.Beginning)));
        var next = partitions.ToDictionary(p => p, _ => 0L);
        var found = new List<byte[]>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            // Read everything the topic holds now, then decide: a message not yet delivered shows up on a later pass.
            var ends = partitions.ToDictionary(p => p, p =>
                consumer.QueryWatermarkOffsets(new TopicPartition(Topics.TelemetryRaw, p), TimeSpan.FromSeconds(10)).High.Value);
            while (partitions.Any(p => next[p] < ends[p]) && DateTime.UtcNow < deadline)
            {
                var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
                if (result is null)
                {
                    continue;
                }

                next[result.Partition.Value] = result.Offset.Value + 1;
                if (result.Message.Key == deviceId)
                {
                    found.Add(result.Message.Value);
                }
            }

            if (found.Count >= count)
            {
                break;
            }

            Thread.Sleep(100);
        }

        return [.. found.TakeLast(count).Select(v => TelemetryMessage.Parser.ParseFrom(v))];
    }

    /// <summary>Everything keyed <paramref name="key"/> on <paramref name="topic"/> that arrives within <paramref name="window"/>.</summary>
    public static List<byte[]> Read(string bootstrap, string topic, string key, int count, TimeSpan window)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "reader-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
        }).Build();
        var partitions = Topics.All.Single(t => t.Name == topic).Partitions;
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var found = new List<byte[]>();
        var deadline = DateTime.UtcNow + window;
        while (found.Count < count && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is not null && result.Message.Key == key)
            {
                found.Add(result.Message.Value);
            }
        }

        return found;
    }

    /// <summary>Sum of high watermarks of telemetry.raw: what Kafka holds right now, no waiting.</summary>
    public static long HighWatermarks(string bootstrap)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "wm" }).Build();
        var partitions = Topics.All.Single(t => t.Name == Topics.TelemetryRaw).Partitions;
        return Enumerable.Range(0, partitions)
            .Sum(p => consumer.QueryWatermarkOffsets(new TopicPartition(Topics.TelemetryRaw, p), TimeSpan.FromSeconds(10)).High.Value);
    }
}
