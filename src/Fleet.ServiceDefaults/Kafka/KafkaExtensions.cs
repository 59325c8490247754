using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Kafka client registration from <c>ConnectionStrings:kafka</c> (Aspire's Kafka client package is not served here,
/// so this is its small equivalent). Extra librdkafka settings bind from <c>Kafka:Producer</c> / <c>Kafka:Consumer</c>.
/// </summary>
public static class KafkaExtensions
{
    public static ProducerConfig CreateProducerConfig(IConfiguration configuration, string connectionName = "kafka")
    {
        var config = new ProducerConfig
        {
            BootstrapServers = ConnectionStrings.Require(configuration, connectionName),
            // Nothing is acknowledged to a device that every in-sync replica does not have; retries never duplicate.
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
            CompressionType = CompressionType.Lz4,
        };
        Bind(configuration.GetSection("Kafka:Producer"), config);
        return config;
    }

    public static ConsumerConfig CreateConsumerConfig(IConfiguration configuration, string groupId, string connectionName = "kafka")
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = ConnectionStrings.Require(configuration, connectionName),
            GroupId = groupId,
            // Offsets are committed by the worker only after every side effect of a batch succeeded.
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
        };
        Bind(configuration.GetSection("Kafka:Consumer"), config);
        return config;
    }

    /// <summary>Registers one shared producer (librdkafka producers are thread-safe and meant to be shared).</summary>
    public static IServiceCollection AddKafkaProducer<TKey, TValue>(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => new ProducerBuilder<TKey, TValue>(CreateProducerConfig(configuration)).Build());
        return services;
    }

    /// <summary>Copies every key of a section verbatim into the librdkafka config ("linger.ms": "10").</summary>
    private static void Bind(IConfigurationSection section, ClientConfig config)
    {
        foreach (var child in section.GetChildren())
        {
            if (child.Value is not null)
            {
                config.Set(child.Key, child.Value);
            }
        }
    }
}
