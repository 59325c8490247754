using System.Net;
using Fleet.Contracts;
using Microsoft.Extensions.Options;

namespace Fleet.DevKafka;

/// <summary>Starts the mock cluster, creates every Fleet topic and exposes each broker on its fixed port.</summary>
public sealed partial class DevKafkaHost(IOptions<DevKafkaOptions> options, ILogger<DevKafkaHost> logger) : IHostedService
{
    private readonly List<TcpForwarder> _forwarders = [];
    private MockKafkaCluster? _cluster;

    /// <summary>The fixed bootstrap address, set once the cluster is ready.</summary>
    public string? BootstrapServers { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        _cluster = MockKafkaCluster.Start(o.Brokers);
        foreach (var (name, partitions) in Topics.All)
        {
            _cluster.CreateTopic(name, partitions);
        }

        var address = IPAddress.Parse(o.Host);
        var realPorts = _cluster.BrokerPorts;
        for (var id = 1; id <= realPorts.Count; id++)
        {
            var fixedPort = o.Port + id - 1;
            _cluster.Advertise(id, o.Host, fixedPort);
            var forwarder = new TcpForwarder(new IPEndPoint(address, fixedPort), new IPEndPoint(IPAddress.Loopback, realPorts[id - 1]), logger);
            forwarder.Start();
            _forwarders.Add(forwarder);
        }

        BootstrapServers = string.Join(',', Enumerable.Range(0, realPorts.Count).Select(i => $"{o.Host}:{o.Port + i}"));
        LogReady(logger, BootstrapServers, Topics.All.Count);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var forwarder in _forwarders)
        {
            await forwarder.DisposeAsync();
        }

        _cluster?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Development Kafka (librdkafka mock cluster) ready at {Bootstrap} with {TopicCount} topics")]
    private static partial void LogReady(ILogger logger, string bootstrap, int topicCount);
}
