using System.Text.Json;
using Fleet.Contracts.Events;
using Fleet.Processing.Options;
using StackExchange.Redis;

namespace Fleet.Processing.ReadModel;

/// <summary>
/// Writes the Redis side of the read model (docs/redis-layout.md "Device trust" and "Reference cache"). Redis is
/// always a function of PostgreSQL: each write copies the entity's current PostgreSQL state, so a replayed event
/// after a crash between the two stores repairs Redis instead of being skipped.
/// </summary>
internal sealed class RedisReferenceCache(IConnectionMultiplexer redis, RedisKeys keys)
{
    // Moves the device → vehicle mapping with the vehicle: the old device is unmapped only while it still points here.
    private const string VehicleSyncScript = """
        local old = redis.call('HGET', KEYS[1], ARGV[1])
        if old then
          local od = string.match(old, '"deviceId":"([^"]*)"')
          if od and od ~= ARGV[3] and redis.call('HGET', KEYS[2], od) == ARGV[1] then redis.call('HDEL', KEYS[2], od) end
        end
        if ARGV[2] == '' then redis.call('HDEL', KEYS[1], ARGV[1]) else redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
        if ARGV[3] ~= '' then redis.call('HSET', KEYS[2], ARGV[3], ARGV[1]) end
        redis.call('PUBLISH', ARGV[4], 'vehicle:' .. ARGV[1])
        return 1
        """;

    /// <summary>Copies one entity's PostgreSQL state (null = absent) into Redis and announces the change.</summary>
    public async Task SyncAsync(ReferenceKind kind, string id, object? entity)
    {
        var db = redis.GetDatabase();
        switch (kind)
        {
            case ReferenceKind.Vehicle:
                var vehicle = (VehicleUpdated?)entity;
                await db.ScriptEvaluateAsync(VehicleSyncScript, [keys.Vehicles, keys.DeviceVehicle],
                [
                    id,
                    vehicle is null ? "" : JsonSerializer.Serialize(vehicle, FleetJsonContext.Default.VehicleUpdated),
                    vehicle?.DeviceId ?? "",
                    keys.RefChanges.ToString(),
                ]);
                break;
            case ReferenceKind.Device:
                await SetOrDeleteAsync(db, keys.Devices, id, entity is DeviceUpdated d ? DeviceJson(d) : null);
                await db.PublishAsync(keys.DeviceChanges, id);
                break;
            default:
                await SetOrDeleteAsync(db, kind == ReferenceKind.Company ? keys.Companies : keys.Drivers, id, entity switch
                {
                    CompanyUpdated c => JsonSerializer.Serialize(c, FleetJsonContext.Default.CompanyUpdated),
                    DriverUpdated dr => JsonSerializer.Serialize(dr, FleetJsonContext.Default.DriverUpdated),
                    _ => null,
                });
                await db.PublishAsync(keys.RefChanges, kind.Name() + ":" + id);
                break;
        }
    }

    public async Task<string?> GenerationAsync() => await redis.GetDatabase().StringGetAsync(keys.Generation);

    /// <summary>Replaces every cache key at once (temporary keys renamed in one transaction), then announces <c>*</c>.</summary>
    public async Task RebuildAsync(ReferenceSnapshot snapshot, string generation)
    {
        var db = redis.GetDatabase();
        var temp = $"{keys.Prefix}ref:rebuild:{Guid.NewGuid():N}:";
        var vehicleByDevice = new Dictionary<string, string>();
        foreach (var v in snapshot.Vehicles.Where(v => v.DeviceId is not null))
        {
            vehicleByDevice[v.DeviceId!] = v.Id;   // ordered by updated_at: the latest claim on a device wins
        }

        var parts = new (RedisKey Target, IEnumerable<KeyValuePair<string, string>> Entries)[]
        {
            (keys.Companies, snapshot.Companies.Select(c => KeyValuePair.Create(c.Id, JsonSerializer.Serialize(c, FleetJsonContext.Default.CompanyUpdated)))),
            (keys.Drivers, snapshot.Drivers.Select(d => KeyValuePair.Create(d.Id, JsonSerializer.Serialize(d, FleetJsonContext.Default.DriverUpdated)))),
            (keys.Vehicles, snapshot.Vehicles.Select(v => KeyValuePair.Create(v.Id, JsonSerializer.Serialize(v, FleetJsonContext.Default.VehicleUpdated)))),
            (keys.DeviceVehicle, vehicleByDevice),
            (keys.Devices, snapshot.Devices.Select(d => KeyValuePair.Create(d.Id, DeviceJson(d)))),
        };

        var transaction = db.CreateTransaction();
        var pending = new List<Task>();
        for (var i = 0; i < parts.Length; i++)
        {
            RedisKey tempKey = temp + i;
            var written = 0;
            foreach (var chunk in parts[i].Entries.Chunk(1000))
            {
                await db.HashSetAsync(tempKey, chunk.Select(e => new HashEntry(e.Key, e.Value)).ToArray());
                written += chunk.Length;
            }

            pending.Add(written > 0 ? transaction.KeyRenameAsync(tempKey, parts[i].Target) : transaction.KeyDeleteAsync(parts[i].Target));
        }

        pending.Add(transaction.StringSetAsync(keys.Generation, generation));
        if (!await transaction.ExecuteAsync())
        {
            throw new InvalidOperationException("the Redis cache rebuild transaction was not applied");
        }

        await Task.WhenAll(pending);
        await db.PublishAsync(keys.RefChanges, "*");
        await db.PublishAsync(keys.DeviceChanges, "*");
    }

    private static string DeviceJson(DeviceUpdated device) =>
        JsonSerializer.Serialize(new DeviceTrust(device.Enabled, device.TokenSha256, device.Version), ProcessingJsonContext.Default.DeviceTrust);

    private static async Task SetOrDeleteAsync(IDatabase db, RedisKey key, string field, string? value)
    {
        if (value is null)
        {
            await db.HashDeleteAsync(key, field);
        }
        else
        {
            await db.HashSetAsync(key, field, value);
        }
    }
}
