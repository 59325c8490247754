using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Fleet.Realtime.State;
using StackExchange.Redis;

namespace Fleet.Realtime.Positions;

/// <summary>
/// Every vehicle's position as <c>fleet:state</c> held it when this instance was assigned partitions: the "previous
/// position" of a vehicle whose earlier points another instance (or this one before a restart) routed, so its first
/// point here can still send <c>left</c> to the views it moves out of, and a replayed older point is still dropped.
/// Each entry is taken once; the router's own memory holds the vehicle from then on.
/// </summary>
public sealed class LastKnownPositions
{
    private const int ScanPageSize = 1_000;

    private readonly ConcurrentDictionary<string, RoutedPosition> _positions;

    private LastKnownPositions(ConcurrentDictionary<string, RoutedPosition> positions) => _positions = positions;

    public static LastKnownPositions Empty { get; } = new(new ConcurrentDictionary<string, RoutedPosition>(StringComparer.Ordinal));

    public int Count => _positions.Count;

    /// <summary>Reads the whole state hash (HSCAN pages); unreadable entries are skipped as the snapshot skips them.</summary>
    public static async Task<LastKnownPositions> LoadAsync(IDatabase db, RedisKeys keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keys);
        var positions = new ConcurrentDictionary<string, RoutedPosition>(StringComparer.Ordinal);
        var shared = new Dictionary<string, string>(StringComparer.Ordinal); // a fleet has few companies and groups
        await foreach (var entry in db.HashScanAsync(keys.State, pageSize: ScanPageSize).WithCancellation(cancellationToken))
        {
            if (TryRead(entry.Value, out var position))
            {
                positions[position.Item.VehicleId] = Trimmed(position, shared);
            }
        }

        return new LastKnownPositions(positions);
    }

    /// <summary>The vehicle's seeded position, removed so it is used once.</summary>
    public bool TryTake(string vehicleId, out RoutedPosition position) => _positions.TryRemove(vehicleId, out position);

    /// <summary>
    /// Only what <c>left</c> and the drop rule read (company, groups, lat/lon, device time), with company and group ids
    /// shared: a seed is held until the next assignment, for every stored vehicle.
    /// </summary>
    private static RoutedPosition Trimmed(RoutedPosition position, Dictionary<string, string> shared)
    {
        var item = position.Item;
        return position with
        {
            Item = new SnapshotItem
            {
                VehicleId = item.VehicleId,
                CompanyId = Shared(item.CompanyId, shared),
                GroupIds = item.GroupIds.Count == 0 ? [] : item.GroupIds.Select(g => Shared(g, shared)).ToArray(),
                Lat = item.Lat,
                Lon = item.Lon,
            },
        };
    }

    private static string Shared(string value, Dictionary<string, string> shared)
    {
        if (!shared.TryGetValue(value, out var existing))
        {
            shared[value] = existing = value;
        }

        return existing;
    }

    private static bool TryRead(RedisValue value, out RoutedPosition position)
    {
        position = default;
        try
        {
            if (value.HasValue
                && JsonSerializer.Deserialize(((ReadOnlyMemory<byte>)value).Span, RealtimeJsonContext.Default.SnapshotItem) is { } item
                && DateTimeOffset.TryParse(item.DeviceTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var deviceTime))
            {
                position = new RoutedPosition(item, deviceTime);
                return true;
            }
        }
        catch (JsonException)
        {
            // A malformed entry is Processing's bug; that vehicle simply has no seed.
        }

        return false;
    }
}
