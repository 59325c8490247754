using System.Runtime.InteropServices;
using Fleet.DevKafka.Native;

namespace Fleet.DevKafka;

/// <summary>
/// librdkafka's built-in mock cluster: a real Kafka-protocol broker (produce with acks=all and idempotence, consumer
/// groups, commits) held in this process's memory. ENVIRONMENT.md: it keeps ~5 MiB per partition and cannot create
/// topics through the Admin API, so every topic is created here.
/// </summary>
public sealed class MockKafkaCluster : IDisposable
{
    private const int ProducerType = 0;
    private IntPtr _handle;
    private IntPtr _cluster;

    private MockKafkaCluster(IntPtr handle, IntPtr cluster, string bootstrapServers, int brokerCount)
    {
        _handle = handle;
        _cluster = cluster;
        BootstrapServers = bootstrapServers;
        BrokerCount = brokerCount;
    }

    /// <summary>The brokers' real listening addresses, "127.0.0.1:port,...".</summary>
    public string BootstrapServers { get; }

    public int BrokerCount { get; }

    public static MockKafkaCluster Start(int brokerCount = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokerCount, 1);
        LibRdKafka.EnsureLoaded();
        var errors = Marshal.AllocHGlobal(512);
        try
        {
            var conf = LibRdKafka.rd_kafka_conf_new();
            // The host handle itself never talks to anyone; keep its logging quiet.
            _ = LibRdKafka.rd_kafka_conf_set(conf, "log_level", "3", errors, 512);
            var handle = LibRdKafka.rd_kafka_new(ProducerType, conf, errors, 512);
            if (handle == IntPtr.Zero)
            {
                throw new InvalidOperationException("rd_kafka_new failed: " + Marshal.PtrToStringUTF8(errors));
            }

            var cluster = LibRdKafka.rd_kafka_mock_cluster_new(handle, brokerCount);
            if (cluster == IntPtr.Zero)
            {
                LibRdKafka.rd_kafka_destroy(handle);
                throw new InvalidOperationException("rd_kafka_mock_cluster_new failed");
            }

            // Without a controller every admin/metadata-driven call of the clients hangs.
            if (LibRdKafka.rd_kafka_mock_set_controller_id(cluster, 1) != 0)
            {
                throw new InvalidOperationException("rd_kafka_mock_set_controller_id failed");
            }

            var bootstraps = Marshal.PtrToStringUTF8(LibRdKafka.rd_kafka_mock_cluster_bootstraps(cluster))!;
            return new MockKafkaCluster(handle, cluster, bootstraps, brokerCount);
        }
        finally
        {
            Marshal.FreeHGlobal(errors);
        }
    }

    public void CreateTopic(string topic, int partitions)
    {
        var error = LibRdKafka.rd_kafka_mock_topic_create(_cluster, topic, partitions, Math.Min(3, BrokerCount));
        if (error != 0)
        {
            throw new InvalidOperationException($"creating topic '{topic}' failed with librdkafka error {error}");
        }
    }

    /// <summary>Makes broker <paramref name="brokerId"/> advertise another address (a forwarder's fixed port).</summary>
    public void Advertise(int brokerId, string host, int port)
    {
        var error = LibRdKafka.rd_kafka_mock_broker_set_host_port(_cluster, brokerId, host, port);
        if (error != 0)
        {
            throw new InvalidOperationException($"advertising broker {brokerId} as {host}:{port} failed with error {error}");
        }
    }

    /// <summary>The real listening port of each broker, in broker-id order (ids start at 1).</summary>
    public IReadOnlyList<int> BrokerPorts =>
        BootstrapServers.Split(',').Select(a => int.Parse(a[(a.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public void Dispose()
    {
        if (_cluster != IntPtr.Zero)
        {
            LibRdKafka.rd_kafka_mock_cluster_destroy(_cluster);
            _cluster = IntPtr.Zero;
        }

        if (_handle != IntPtr.Zero)
        {
            LibRdKafka.rd_kafka_destroy(_handle);
            _handle = IntPtr.Zero;
        }
    }
}
