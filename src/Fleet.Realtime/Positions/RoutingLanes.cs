using System.Collections.Concurrent;
using System.Text.Json;
using Confluent.Kafka;
using Fleet.Contracts.Events;
using Fleet.Realtime.Diagnostics;
using Fleet.Realtime.Hubs;

namespace Fleet.Realtime.Positions;

/// <summary>
/// Parses and routes consumed positions on <c>lanes</c> threads, one partition always on the same lane: a vehicle's
/// points keep their order (its key fixes its partition) while partitions route in parallel, and the consume thread
/// only hands messages over. Each lane has its own <see cref="PositionRouter"/> (its vehicles' last points).
/// </summary>
public sealed partial class RoutingLanes : IDisposable
{
    private readonly BlockingCollection<ConsumeResult<string, byte[]>>[] _queues;
    private readonly Thread[] _threads;
    private readonly ILogger _logger;

    public RoutingLanes(int lanes, SubscriptionRegistry registry, FrameBuffer frames, RealtimeMetrics metrics, TimeProvider clock, ILogger logger,
        RebalanceSeed? seed = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lanes, 1);
        _logger = logger;
        _queues = new BlockingCollection<ConsumeResult<string, byte[]>>[lanes];
        _threads = new Thread[lanes];
        for (var i = 0; i < lanes; i++)
        {
            var queue = _queues[i] = [];
            var router = new PositionRouter(registry, frames, metrics, clock, seed);
            _threads[i] = new Thread(() => Run(queue, router)) { IsBackground = true, Name = $"positions-lane-{i}" };
            _threads[i].Start();
        }
    }

    public void Post(ConsumeResult<string, byte[]> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _queues[result.Partition.Value % _queues.Length].Add(result);
    }

    private void Run(BlockingCollection<ConsumeResult<string, byte[]>> queue, PositionRouter router)
    {
        foreach (var result in queue.GetConsumingEnumerable())
        {
            try
            {
                if (JsonSerializer.Deserialize(result.Message.Value, FleetJsonContext.Default.VehiclePosition) is { } position)
                {
                    router.Route(position);
                }
            }
            catch (JsonException ex)
            {
                // Poison: the map skips it (Processing owns vehicle.positions.dlq); the stream goes on.
                LogPoison(_logger, ex, result.TopicPartitionOffset.ToString());
            }
        }
    }

    /// <summary>Routes what was handed over, then stops the lanes.</summary>
    public void Dispose()
    {
        foreach (var queue in _queues)
        {
            queue.CompleteAdding();
        }

        foreach (var thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(5));
        }

        foreach (var queue in _queues)
        {
            queue.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipping unreadable vehicle.positions message at {Offset}")]
    private static partial void LogPoison(ILogger logger, Exception exception, string offset);
}
