using Confluent.Kafka;
using Fleet.Contracts;
using Fleet.Realtime.Diagnostics;
using Fleet.Realtime.Hubs;
using Fleet.Realtime.State;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Fleet.Realtime.Positions;

/// <summary>
/// Consumes <c>vehicle.positions</c> in one consumer group shared by every Realtime instance, so each position is
/// routed by exactly one instance (the owner of its partition). Offsets are stored once a point is handed to its routing
/// lane (<see cref="RoutingLanes"/>) and committed in the background: a live map prefers skipping a crash window to
/// replaying old points.
/// </summary>
public sealed partial class PositionsConsumerWorker(
    IConfiguration configuration,
    IOptions<RealtimeOptions> options,
    SubscriptionRegistry registry,
    FrameBuffer frames,
    RealtimeMetrics metrics,
    TimeProvider clock,
    IConnectionMultiplexer redis,
    RedisKeys keys,
    ILogger<PositionsConsumerWorker> logger) : BackgroundService
{
    /// <summary>True once the group gave this instance its partitions (tests and health wait on it).</summary>
    public bool IsAssigned { get; private set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(() => Run(stoppingToken), stoppingToken); // Consume() blocks: keep it off the host thread

    private void Run(CancellationToken stoppingToken)
    {
        var config = KafkaExtensions.CreateConsumerConfig(configuration, options.Value.ConsumerGroup);
        config.EnableAutoCommit = true;
        config.AutoCommitIntervalMs = 1000;
        if (configuration["Kafka:Consumer:auto.offset.reset"] is null)
        {
            config.AutoOffsetReset = AutoOffsetReset.Latest; // a new group starts at now: the snapshot covers the past
        }

        if (configuration["Kafka:Consumer:fetch.wait.max.ms"] is null)
        {
            // A live map wants each point now, not a full fetch: librdkafka's 500 ms default is a fixed delay when
            // the broker holds an empty fetch for its whole wait (the mock cluster does; a real broker answers early).
            config.FetchWaitMaxMs = options.Value.FetchWaitMaxMs;
        }

        config.SocketNagleDisable ??= true;

        var laneCount = options.Value.RoutingLanes > 0 ? options.Value.RoutingLanes : Environment.ProcessorCount;
        var seed = new RebalanceSeed(logger);
        using var lanes = new RoutingLanes(laneCount, registry, frames, metrics, clock, logger, seed);
        using var consumer = new ConsumerBuilder<string, byte[]>(config)
            .SetPartitionsAssignedHandler((_, partitions) =>
            {
                // The previous owner of these partitions routed their vehicles' earlier points: seed their last
                // positions before the first point here is routed (the lanes wait for the load).
                if (partitions.Count > 0) // a cooperative rebalance may assign nothing new
                {
                    seed.Reload(() => LastKnownPositions.LoadAsync(redis.GetDatabase(), keys, stoppingToken));
                }

                IsAssigned = true;
                LogAssigned(logger, partitions.Count);
            })
            .SetPartitionsRevokedHandler((_, partitions) => LogRevoked(logger, partitions.Count))
            .Build();
        consumer.Subscribe(Topics.VehiclePositions);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                ConsumeOne(consumer, lanes, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }
        finally
        {
            consumer.Close();
        }
    }

    private void ConsumeOne(IConsumer<string, byte[]> consumer, RoutingLanes lanes, CancellationToken stoppingToken)
    {
        ConsumeResult<string, byte[]>? result;
        try
        {
            result = consumer.Consume(stoppingToken);
        }
        catch (ConsumeException ex) when (!ex.Error.IsFatal)
        {
            LogConsumeFailed(logger, ex);
            return;
        }

        if (result?.Message?.Value is null)
        {
            return;
        }

        lanes.Post(result);
        consumer.StoreOffset(result);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "vehicle.positions: {Count} partitions assigned")]
    private static partial void LogAssigned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "vehicle.positions: {Count} partitions revoked")]
    private static partial void LogRevoked(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "vehicle.positions consume failed")]
    private static partial void LogConsumeFailed(ILogger logger, Exception exception);
}
