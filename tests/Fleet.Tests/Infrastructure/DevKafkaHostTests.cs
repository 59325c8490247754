using System.Net;
using System.Net.Sockets;
using Confluent.Kafka;
using Fleet.Contracts;
using Fleet.DevKafka;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Fleet.Tests.Infrastructure;

/// <summary>The local stack's Kafka: the mock cluster behind a fixed port, reachable by any Kafka client.</summary>
public sealed class DevKafkaHostTests
{
    [Fact]
    public async Task FixedPort_CarriesMetadataProduceAndConsume_ForEveryFleetTopic()
    {
        var port = FreePort();
        var host = new DevKafkaHost(Options.Create(new DevKafkaOptions { Port = port }), NullLogger<DevKafkaHost>.Instance);
        await host.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            Assert.Equal($"127.0.0.1:{port}", host.BootstrapServers);
            using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = host.BootstrapServers }).Build();
            var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));
            // Clients learn the fixed port from metadata, so every later connection also goes through the forwarder.
            Assert.Equal(port, Assert.Single(metadata.Brokers).Port);
            foreach (var (name, partitions) in Topics.All)
            {
                Assert.Equal(partitions, metadata.Topics.Single(t => t.Topic == name).Partitions.Count);
            }

            using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = host.BootstrapServers, Acks = Acks.All }).Build();
            await producer.ProduceAsync(Topics.VehicleUpdated, new Message<string, string> { Key = "v-1", Value = "{}" }, TestContext.Current.CancellationToken);
            using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig
            {
                BootstrapServers = host.BootstrapServers,
                GroupId = TestServers.UniqueName("g"),
                AutoOffsetReset = AutoOffsetReset.Earliest,
            }).Build();
            consumer.Subscribe(Topics.VehicleUpdated);
            var message = consumer.Consume(TimeSpan.FromSeconds(20));
            Assert.Equal("v-1", message?.Message.Key);
            consumer.Close();
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
