using System.Text.Json;
using Fleet.Realtime.State;
using StackExchange.Redis;

namespace Fleet.Realtime.Hubs;

/// <summary>
/// Keeps <see cref="SubscriptionRegistry"/> equal on every instance: a change is applied locally, stored in the
/// subscriptions hash (for instances that start later) and announced on a pub/sub channel. Entries of an instance
/// that died are swept once its heartbeat key expires.
/// </summary>
public sealed partial class SubscriptionReplicator(
    IConnectionMultiplexer redis,
    RedisKeys keys,
    SubscriptionRegistry registry,
    ILogger<SubscriptionReplicator> logger) : BackgroundService
{
    private static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan HeartbeatLifetime = TimeSpan.FromSeconds(30);

    /// <summary>This process's id in the subscriptions hash and on the channel.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N")[..12];

    private RedisChannel Channel => RedisChannel.Literal(keys.SubscriptionChanges);

    public async Task SetAsync(MapSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        registry.Set(subscription);
        var change = Serialize(SubscriptionChange.Of(InstanceId, subscription));
        var db = redis.GetDatabase();
        await db.HashSetAsync(keys.Subscriptions, subscription.ConnectionId, change);
        await db.PublishAsync(Channel, change);
    }

    public async Task RemoveAsync(string connectionId)
    {
        registry.Remove(connectionId);
        var db = redis.GetDatabase();
        await db.HashDeleteAsync(keys.Subscriptions, connectionId);
        await db.PublishAsync(Channel, Serialize(SubscriptionChange.Ended(InstanceId, connectionId)));
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Listen first, then load: a change made between the two is applied either way, never lost.
        var queue = await redis.GetSubscriber().SubscribeAsync(Channel);
        queue.OnMessage(message => Apply(message.Message));
        await HeartbeatAsync();
        foreach (var entry in await redis.GetDatabase().HashGetAllAsync(keys.Subscriptions))
        {
            Apply(entry.Value);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(HeartbeatEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await HeartbeatAsync();
                await SweepDeadInstancesAsync();
            }
            catch (RedisException ex)
            {
                LogRedisFailed(logger, ex);
            }
        }
    }

    private Task<bool> HeartbeatAsync() =>
        redis.GetDatabase().StringSetAsync(keys.Prefix + "realtime:instance:" + InstanceId, "1", HeartbeatLifetime);

    private async Task SweepDeadInstancesAsync()
    {
        var db = redis.GetDatabase();
        var alive = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var entry in await db.HashGetAllAsync(keys.Subscriptions))
        {
            if (Deserialize(entry.Value) is not { } change)
            {
                continue;
            }

            if (!alive.TryGetValue(change.Instance, out var isAlive))
            {
                alive[change.Instance] = isAlive = await db.KeyExistsAsync(keys.Prefix + "realtime:instance:" + change.Instance);
            }

            if (!isAlive)
            {
                await RemoveAsync(change.ConnectionId);
            }
        }
    }

    private void Apply(RedisValue message)
    {
        if (Deserialize(message) is not { } change || change.Instance == InstanceId)
        {
            return; // our own changes were applied when they were made
        }

        if (change.ToSubscription() is { } subscription)
        {
            registry.Set(subscription);
        }
        else
        {
            registry.Remove(change.ConnectionId);
        }
    }

    private static byte[] Serialize(SubscriptionChange change) =>
        JsonSerializer.SerializeToUtf8Bytes(change, RealtimeJsonContext.Default.SubscriptionChange);

    private SubscriptionChange? Deserialize(RedisValue value)
    {
        try
        {
            return JsonSerializer.Deserialize(((ReadOnlyMemory<byte>)value).Span, RealtimeJsonContext.Default.SubscriptionChange);
        }
        catch (JsonException ex)
        {
            LogBadChange(logger, ex);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription replication could not reach Redis")]
    private static partial void LogRedisFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring an unreadable subscription change")]
    private static partial void LogBadChange(ILogger logger, Exception exception);
}
