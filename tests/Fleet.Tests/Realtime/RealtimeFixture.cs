using System.Text.Json;
using Confluent.Kafka;
using Fleet.Contracts;
using Fleet.Contracts.Events;
using Fleet.Tests.Infrastructure;
using StackExchange.Redis;

namespace Fleet.Tests.Realtime;

/// <summary>
/// Real Redis (own key prefix) + the class's mock Kafka cluster + one Realtime host, and an admin "observer" client
/// subscribed to the whole world: once the observer has a position, the host has routed it, which lets tests prove
/// that something was NOT delivered (see <see cref="ProduceAndRouteAsync"/>).
/// </summary>
public class RealtimeFixture : IAsyncLifetime
{
    private readonly RedisFixture _redis = new();
    private IProducer<string, byte[]> _producer = null!;

    public KafkaFixture Kafka { get; } = new();

    public RealtimeHost Host { get; private set; } = null!;

    public MapClient Observer { get; private set; } = null!;

    public string KeyPrefix => _redis.KeyPrefix;

    public IDatabase Redis => _redis.Connection.GetDatabase();

    /// <summary>The observer's view: the whole world unless the host's bbox limits forbid it.</summary>
    protected virtual double[] ObserverBox => [-180, -90, 180, 90];

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async ValueTask InitializeAsync()
    {
        await _redis.InitializeAsync();
        _producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = Kafka.BootstrapServers, LingerMs = 0 }).Build();
        Host = new RealtimeHost(KeyPrefix, Kafka.BootstrapServers, Settings);
        Observer = await MapClient.ConnectAsync(Host, TestTokens.Admin());
        await Observer.SubscribeAsync(ObserverBox, hosts: Host);
    }

    public RealtimeHost StartHost(IReadOnlyDictionary<string, string?>? extra = null) => new(KeyPrefix, Kafka.BootstrapServers, extra);

    public async Task ProduceAsync(VehiclePosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        await _producer.ProduceAsync(Topics.VehiclePositions, new Message<string, byte[]>
        {
            Key = position.VehicleId,
            Value = JsonSerializer.SerializeToUtf8Bytes(position, FleetJsonContext.Default.VehiclePosition),
        }, TestContext.Current.CancellationToken);
    }

    /// <summary>Produces and waits until the host routed the point (the world-wide observer received it).</summary>
    public async Task ProduceAndRouteAsync(VehiclePosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        await ProduceAsync(position);
        await Observer.WaitForPositionAsync(position.VehicleId, p => p.DeviceTime == Fleet.Realtime.Positions.PositionRouter.ToItem(position).DeviceTime);
    }

    /// <summary>
    /// Everything routed before this call has reached <paramref name="client"/> once it: a fresh sentinel inside its
    /// view is produced after those points were routed, and one connection's frames arrive in order.
    /// </summary>
    public async Task BarrierAsync(MapClient client, string companyId, double lon, double lat, string[]? groups = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var sentinel = FleetSeed.Position(companyId, lon, lat, groups: groups);
        await ProduceAsync(sentinel);
        await client.WaitForPositionAsync(sentinel.VehicleId);
    }

    public async ValueTask DisposeAsync()
    {
        await Observer.DisposeAsync();
        await Host.DisposeAsync();
        _producer.Dispose();
        Kafka.Dispose();
        await _redis.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
