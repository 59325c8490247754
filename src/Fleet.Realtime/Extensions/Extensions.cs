using Fleet.Realtime.Diagnostics;
using Fleet.Realtime.Hubs;
using Fleet.Realtime.Positions;
using Fleet.Realtime.State;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Fleet.Realtime.Extensions;

internal static class Extensions
{
    /// <summary>The map gateway reads vehicle.positions from Kafka and current state from Redis (also its SignalR backplane).</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("Realtime").Get<RealtimeOptions>() ?? new RealtimeOptions();
        var keys = new RedisKeys(settings.KeyPrefix);
        builder.Services.AddOptions<RealtimeOptions>().BindConfiguration("Realtime");
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, RealtimeJsonContext.Default));
        builder.AddKafkaHealthCheck();
        builder.AddRedisClient("redis");
        builder.AddFleetAuthentication();

        var redisConnection = ConnectionStrings.Require(builder.Configuration, "redis");
        builder.Services.AddSignalR()
            .AddMessagePackProtocol()
            .AddStackExchangeRedis(redisConnection,
                redis => redis.Configuration.ChannelPrefix = RedisChannel.Literal(keys.Backplane));

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton<RealtimeMetrics>();
        builder.Services.AddSingleton(sp => new SnapshotConnections(sp.GetRequiredService<IConnectionMultiplexer>(), redisConnection,
            sp.GetRequiredService<IOptions<RealtimeOptions>>()));
        builder.Services.AddSingleton<VehicleStateReader>();
        builder.Services.AddSingleton<SubscriptionRegistry>();
        builder.Services.AddSingleton<FrameBuffer>();
        builder.Services.AddSingleton<SubscriptionReplicator>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SubscriptionReplicator>());
        builder.Services.AddHostedService<FrameSender>();
        builder.Services.AddSingleton<PositionsConsumerWorker>();
        if (settings.ConsumePositions)
        {
            builder.Services.AddHostedService(sp => sp.GetRequiredService<PositionsConsumerWorker>());
        }
    }
}
