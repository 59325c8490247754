using Confluent.Kafka;
using Fleet.Contracts;

namespace Fleet.Bench.Ingestion;

/// <summary>What Kafka holds: the sum of telemetry.raw's high watermarks over every partition.</summary>
public static class KafkaWatermarks
{
    public static long TelemetryRaw(string bootstrap)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "bench-watermarks" }).Build();
        var partitions = Topics.All.Single(t => t.Name == Topics.TelemetryRaw).Partitions;
        return Enumerable.Range(0, partitions)
            .Sum(p => consumer.QueryWatermarkOffsets(new TopicPartition(Topics.TelemetryRaw, p), TimeSpan.FromSeconds(10)).High.Value);
    }
}
