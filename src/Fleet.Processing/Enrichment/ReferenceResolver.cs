using System.Collections.Concurrent;
using System.Text.Json;
using Fleet.Contracts.Events;
using Fleet.Processing.Options;
using StackExchange.Redis;

namespace Fleet.Processing.Enrichment;

/// <summary>
/// The in-process copy of the Redis reference cache. Steady state costs no network call per point: only entries not
/// yet held are fetched, with one HMGET per hash per batch. <c>fleet:ref:changes</c> drops the changed entries.
/// </summary>
internal sealed partial class ReferenceResolver(IConnectionMultiplexer redis, RedisKeys keys, ILogger<ReferenceResolver> logger)
{
    private readonly ConcurrentDictionary<string, string?> _vehicleByDevice = new();   // null value = bound to no vehicle
    private readonly ConcurrentDictionary<string, VehicleUpdated?> _vehicles = new();
    private readonly ConcurrentDictionary<string, DriverUpdated?> _drivers = new();
    private readonly ConcurrentDictionary<string, CompanyUpdated?> _companies = new();

    // Bumped on every invalidation: a load that raced with one is used once but not cached, so it cannot go stale.
    private long _epoch;

    public Task SubscribeAsync() =>
        redis.GetSubscriber().SubscribeAsync(keys.RefChanges, (_, message) => Invalidate(message.ToString()));

    public void Invalidate(string change)
    {
        Interlocked.Increment(ref _epoch);
        var colon = change.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? change : change[..colon];
        var id = colon < 0 ? "" : change[(colon + 1)..];
        switch (kind)
        {
            case "vehicle":
                _vehicles.TryRemove(id, out _);
                // A vehicle change may move a device (or bind a device cached as unbound): re-learn the mapping.
                _vehicleByDevice.Clear();
                break;
            case "driver":
                _drivers.TryRemove(id, out _);
                break;
            case "company":
                _companies.TryRemove(id, out _);
                break;
            default:
                _vehicleByDevice.Clear();
                _vehicles.Clear();
                _drivers.Clear();
                _companies.Clear();
                break;
        }

        LogInvalidated(logger, change);
    }

    /// <summary>The context of every device (absent from the result = bound to no vehicle).</summary>
    public async Task<Dictionary<string, VehicleContext>> ResolveAsync(IReadOnlyCollection<string> deviceIds)
    {
        var epoch = Interlocked.Read(ref _epoch);
        var db = redis.GetDatabase();
        var vehicleByDevice = await LoadAsync(db, keys.DeviceVehicle, _vehicleByDevice, deviceIds, v => v, epoch);
        var vehicles = await LoadAsync(db, keys.Vehicles, _vehicles, vehicleByDevice.Values.OfType<string>().Distinct().ToList(),
            v => JsonSerializer.Deserialize(v, FleetJsonContext.Default.VehicleUpdated), epoch);
        var present = vehicles.Values.OfType<VehicleUpdated>().ToList();
        var drivers = await LoadAsync(db, keys.Drivers, _drivers, present.Select(v => v.DriverId).OfType<string>().Distinct().ToList(),
            v => JsonSerializer.Deserialize(v, FleetJsonContext.Default.DriverUpdated), epoch);
        var companies = await LoadAsync(db, keys.Companies, _companies, present.Select(v => v.CompanyId).Distinct().ToList(),
            v => JsonSerializer.Deserialize(v, FleetJsonContext.Default.CompanyUpdated), epoch);

        var result = new Dictionary<string, VehicleContext>(deviceIds.Count);
        foreach (var deviceId in deviceIds)
        {
            if (vehicleByDevice.GetValueOrDefault(deviceId) is { } vehicleId && vehicles.GetValueOrDefault(vehicleId) is { } vehicle
                && vehicle.DeviceId == deviceId)
            {
                result[deviceId] = new VehicleContext(vehicle,
                    vehicle.DriverId is null ? null : drivers.GetValueOrDefault(vehicle.DriverId),
                    companies.GetValueOrDefault(vehicle.CompanyId));
            }
        }

        return result;
    }

    private async Task<Dictionary<string, T?>> LoadAsync<T>(IDatabase db, RedisKey key, ConcurrentDictionary<string, T?> cache,
        IReadOnlyCollection<string> ids, Func<string, T?> parse, long epoch)
    {
        var found = new Dictionary<string, T?>(ids.Count);
        var missing = new List<string>();
        foreach (var id in ids)
        {
            if (cache.TryGetValue(id, out var value))
            {
                found[id] = value;
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        var values = await db.HashGetAsync(key, missing.Select(m => (RedisValue)m).ToArray());
        for (var i = 0; i < missing.Count; i++)
        {
            var value = values[i].IsNull ? default : parse(values[i].ToString());
            found[missing[i]] = value;
            cache[missing[i]] = value;
            if (Interlocked.Read(ref _epoch) != epoch)
            {
                cache.TryRemove(missing[i], out _);
            }
        }

        return found;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reference change {Change}: in-process cache entries dropped")]
    private static partial void LogInvalidated(ILogger logger, string change);
}
