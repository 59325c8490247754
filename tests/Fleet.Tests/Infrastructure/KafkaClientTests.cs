using System.Diagnostics;
using Confluent.Kafka;
using Fleet.ServiceDefaults.HealthChecks;
using Fleet.ServiceDefaults.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Fleet.Tests.Infrastructure;

/// <summary>The services' Kafka client code (ServiceDefaults) against the librdkafka mock broker.</summary>
public sealed class KafkaClientTests(KafkaFixture kafka) : IClassFixture<KafkaFixture>
{
    private IConfiguration Configuration(params (string Key, string Value)[] extra) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:kafka"] = kafka.BootstrapServers }
            .Concat(extra.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value))))
        .Build();

    [Fact]
    public async Task ProduceConsumeCommit_SecondConsumerInGroup_ResumesAfterCommittedOffset()
    {
        var topic = kafka.CreateTopic("it", partitions: 3);
        var group = TestServers.UniqueName("g");
        var config = Configuration(("Kafka:Consumer:session.timeout.ms", "6000"));
        using (var producer = new ProducerBuilder<string, string>(KafkaExtensions.CreateProducerConfig(config)).Build())
        {
            for (var i = 0; i < 30; i++)
            {
                var result = await producer.ProduceAsync(topic, new Message<string, string> { Key = $"dev-{i % 5}", Value = $"m{i}" },
                    TestContext.Current.CancellationToken);
                Assert.Equal(PersistenceStatus.Persisted, result.Status);
            }
        }

        var first = ConsumeAndCommit(config, topic, group, take: 20);
        Assert.Equal(20, first.Count);
        var second = ConsumeAndCommit(config, topic, group, take: 10);

        // Together exactly the 30 messages, none twice: the second member resumed at the committed offsets.
        Assert.Equal(30, first.Concat(second).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"m{i}").Order(), first.Concat(second).Order());
    }

    [Fact]
    public async Task TraceContext_InjectedOnProduce_ExtractedOnConsume()
    {
        var topic = kafka.CreateTopic("trace", partitions: 1);
        var config = Configuration();
        using var activity = new Activity("test-produce").SetIdFormat(ActivityIdFormat.W3C).Start();
        using (var producer = new ProducerBuilder<string, string>(KafkaExtensions.CreateProducerConfig(config)).Build())
        {
            await producer.ProduceAsync(topic, new Message<string, string>
            {
                Key = "k",
                Value = "v",
                Headers = KafkaTracing.Inject(activity, []),
            }, TestContext.Current.CancellationToken);
        }

        using var consumer = new ConsumerBuilder<string, string>(KafkaExtensions.CreateConsumerConfig(config, TestServers.UniqueName("g"))).Build();
        consumer.Subscribe(topic);
        var message = consumer.Consume(TimeSpan.FromSeconds(20));
        Assert.NotNull(message);
        var parent = KafkaTracing.Extract(message.Message.Headers);
        Assert.Equal(activity.TraceId, parent.TraceId);
        Assert.Equal(activity.SpanId, parent.SpanId);
        consumer.Close();
    }

    [Fact]
    public async Task KafkaHealthCheck_BrokerUp_Healthy_BrokerAbsent_Unhealthy()
    {
        using var up = new KafkaHealthCheck(kafka.BootstrapServers);
        using var down = new KafkaHealthCheck("127.0.0.1:1");
        Assert.Equal(HealthStatus.Healthy, (await up.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status);
        Assert.Equal(HealthStatus.Unhealthy, (await down.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status);
    }

    private static List<string> ConsumeAndCommit(IConfiguration config, string topic, string group, int take)
    {
        using var consumer = new ConsumerBuilder<string, string>(KafkaExtensions.CreateConsumerConfig(config, group)).Build();
        consumer.Subscribe(topic);
        var values = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var offsets = new Dictionary<TopicPartition, Offset>();
        while (values.Count < take && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is null)
            {
                continue;
            }

            values.Add(result.Message.Value);
            offsets[result.TopicPartition] = result.Offset + 1;
        }

        consumer.Commit(offsets.Select(o => new TopicPartitionOffset(o.Key, o.Value)));
        consumer.Close();
        return values;
    }
}
