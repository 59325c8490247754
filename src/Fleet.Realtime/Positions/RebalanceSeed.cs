using StackExchange.Redis;

namespace Fleet.Realtime.Positions;

/// <summary>
/// Shared by the routing lanes: the <see cref="LastKnownPositions"/> loaded at the latest partition assignment. A lane
/// that meets a vehicle it has not routed yet waits for the load (only right after an assignment) and takes the
/// vehicle's seeded position as its previous one. A failed load is logged and counts as no seed.
/// </summary>
public sealed partial class RebalanceSeed(ILogger logger)
{
    private Task<LastKnownPositions> _current = Task.FromResult(LastKnownPositions.Empty);

    /// <summary>Starts loading a new seed (the consumer's partition-assigned callback must not block on Redis).</summary>
    public void Reload(Func<Task<LastKnownPositions>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        Volatile.Write(ref _current, Task.Run(load));
    }

    /// <summary>The vehicle's seeded position (once), waiting for a load under way.</summary>
    public bool TryTake(string vehicleId, out RoutedPosition position)
    {
        position = default;
        var current = Volatile.Read(ref _current);
        try
        {
            return current.GetAwaiter().GetResult().TryTake(vehicleId, out position); // a lane thread of its own: blocking is fine
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException or TimeoutException or OperationCanceledException)
        {
            LogSeedFailed(logger, ex);
            Interlocked.CompareExchange(ref _current, Task.FromResult(LastKnownPositions.Empty), current); // log once
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read last known positions after a partition assignment: the first left of a vehicle may be missed")]
    private static partial void LogSeedFailed(ILogger logger, Exception exception);
}
