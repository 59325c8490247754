using System.Globalization;
using Fleet.Contracts.Events;
using Fleet.Realtime.Diagnostics;
using Fleet.Realtime.Hubs;
using Fleet.Realtime.State;

namespace Fleet.Realtime.Positions;

/// <summary>
/// Decides who gets a consumed position: candidates from the tile index, then the exact test per subscription
/// (company, groups, bbox). A subscription that matched the vehicle's previous position but not this one gets it in
/// <c>left</c>. Not thread-safe: each routing lane (<see cref="RoutingLanes"/>) owns one; vehicles are partitioned by
/// key and a partition always goes to the same lane, so one router sees every point of a vehicle while this instance
/// owns the partition. A point whose device time is not after the last one routed
/// for the vehicle is dropped: older points never move a vehicle back, and a repeated message (vehicle.positions is
/// at-least-once upstream) is sent only once. A vehicle this router has not routed yet takes its previous position from
/// <paramref name="seed"/> (Redis's state at the latest partition assignment), so its first point after a rebalance or
/// a restart still sends <c>left</c>.
/// </summary>
public sealed class PositionRouter(SubscriptionRegistry registry, FrameBuffer frames, RealtimeMetrics metrics, TimeProvider clock,
    RebalanceSeed? seed = null)
{
    private readonly Dictionary<string, RoutedPosition> _last = new(StringComparer.Ordinal);
    private readonly List<MapSubscription> _candidates = [];

    public int TrackedVehicles => _last.Count;

    /// <summary>Routes one position; false when it is not newer than the last one seen for the vehicle (dropped).</summary>
    public bool Route(VehiclePosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        var hadPrevious = _last.TryGetValue(position.VehicleId, out var previous);
        var seededPrevious = false;
        if (seed is not null && seed.TryTake(position.VehicleId, out var seeded) && (!hadPrevious || seeded.DeviceTime > previous.DeviceTime))
        {
            (previous, hadPrevious, seededPrevious) = (seeded, true, true); // newer than what this router remembers
        }

        // The stored state may already be this very point (Processing stores and publishes at once) and the previous
        // owner may not have routed it: a seeded equal time is routed (a duplicate is harmless), only older is dropped.
        if (hadPrevious && (position.DeviceTime < previous.DeviceTime || (position.DeviceTime == previous.DeviceTime && !seededPrevious)))
        {
            metrics.Dropped(); // late point or a repeat of the last one: the map never moves a vehicle back in time
            return false;
        }

        metrics.Routed(position.ProcessedTime, clock.GetUtcNow());

        var item = ToItem(position);
        _last[position.VehicleId] = new RoutedPosition(item, position.DeviceTime);

        _candidates.Clear();
        registry.CollectCandidates(item.Lon, item.Lat, _candidates);
        foreach (var subscription in _candidates)
        {
            if (subscription.Matches(item.CompanyId, item.GroupIds, item.Lon, item.Lat))
            {
                frames.AddPosition(subscription.ConnectionId, item);
            }
        }

        if (hadPrevious)
        {
            var before = previous.Item;
            _candidates.Clear();
            registry.CollectCandidates(before.Lon, before.Lat, _candidates);
            foreach (var subscription in _candidates)
            {
                if (subscription.Matches(before.CompanyId, before.GroupIds, before.Lon, before.Lat)
                    && !subscription.Matches(item.CompanyId, item.GroupIds, item.Lon, item.Lat))
                {
                    frames.AddLeft(subscription.ConnectionId, item.VehicleId);
                }
            }
        }

        return true;
    }

    public static SnapshotItem ToItem(VehiclePosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return new SnapshotItem
        {
            VehicleId = position.VehicleId,
            DeviceId = position.DeviceId,
            CompanyId = position.CompanyId,
            DriverId = position.DriverId,
            GroupIds = position.GroupIds,
            Plate = position.Plate,
            Name = position.Name,
            Lat = position.Lat,
            Lon = position.Lon,
            Speed = position.Speed,
            Heading = position.Heading,
            Ignition = position.Ignition,
            Fuel = position.Fuel,
            DeviceTime = position.DeviceTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            Status = position.Speed >= VehicleStatus.MovingSpeedKmh ? VehicleStatus.Moving : VehicleStatus.Stopped,
        };
    }
}
