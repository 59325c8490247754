using System.Text.Json;
using Confluent.Kafka;
using Fleet.Contracts.Events;
using Fleet.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Fleet.Tests.Processing;

/// <summary>Reads what Processing publishes (vehicle.positions, device.events, DLQs) with a fresh consumer group.</summary>
internal static class TopicReader
{
    public static List<ConsumeResult<string, byte[]>> Read(string bootstrapServers, string topic, Func<ConsumeResult<string, byte[]>, bool> keep,
        Func<List<ConsumeResult<string, byte[]>>, bool> done, int seconds = 30)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:kafka"] = bootstrapServers, ["Kafka:Consumer:session.timeout.ms"] = "6000" })
            .Build();
        using var consumer = new ConsumerBuilder<string, byte[]>(KafkaExtensions.CreateConsumerConfig(configuration, TestServers.UniqueName("reader"))).Build();
        consumer.Subscribe(topic);
        var found = new List<ConsumeResult<string, byte[]>>();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!done(found) && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { IsPartitionEOF: false } result && keep(result))
            {
                found.Add(result);
            }
        }

        consumer.Close();
        return found;
    }

    public static List<VehiclePosition> Positions(string bootstrapServers, ISet<string> vehicleIds, Func<List<VehiclePosition>, bool> done, int seconds = 30) =>
        Read(bootstrapServers, Fleet.Contracts.Topics.VehiclePositions, r => vehicleIds.Contains(r.Message.Key),
                found => done(found.Select(Position).ToList()), seconds)
            .Select(Position)
            .ToList();

    public static VehiclePosition Position(ConsumeResult<string, byte[]> result) =>
        JsonSerializer.Deserialize(result.Message.Value, FleetJsonContext.Default.VehiclePosition)!;
}
