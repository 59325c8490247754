using Fleet.Contracts;
using Fleet.DevKafka;

namespace Fleet.Tests.Infrastructure;

/// <summary>
/// A real Kafka-protocol broker for a test class: librdkafka's mock cluster in this process, with every Fleet topic.
/// Never a Kafka fake of our own (ENVIRONMENT.md).
/// </summary>
public sealed class KafkaFixture : IDisposable
{
    private readonly MockKafkaCluster? _cluster;

    public KafkaFixture()
    {
        if (TestServers.Kafka is { } external)
        {
            BootstrapServers = external;
            return;
        }

        _cluster = MockKafkaCluster.Start(brokerCount: 1);
        foreach (var (name, partitions) in Topics.All)
        {
            _cluster.CreateTopic(name, partitions);
        }

        BootstrapServers = _cluster.BootstrapServers;
    }

    public string BootstrapServers { get; }

    /// <summary>Creates an extra topic (only possible on the in-process cluster: the mock has no CreateTopics API).</summary>
    public string CreateTopic(string prefix, int partitions)
    {
        var name = TestServers.UniqueName(prefix);
        if (_cluster is null)
        {
            throw new InvalidOperationException("extra topics need the in-process mock cluster");
        }

        _cluster.CreateTopic(name, partitions);
        return name;
    }

    public void Dispose() => _cluster?.Dispose();
}
