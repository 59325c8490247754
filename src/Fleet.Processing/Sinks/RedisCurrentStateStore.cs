using System.Globalization;
using System.Text.Json;
using Fleet.Processing.Options;
using Fleet.Processing.ReadModel;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Fleet.Processing.Sinks;

/// <summary>docs/redis-layout.md "Current state": the state-upsert script over chunks of a batch, pipelined.</summary>
internal sealed class RedisCurrentStateStore(IConnectionMultiplexer redis, RedisKeys keys, IOptions<ProcessingOptions> options) : ICurrentStateStore
{
    // state-upsert, for a chunk of vehicles (ARGV[1] = company geo prefix, then 7 values per vehicle): a point not
    // newer than the stored one changes nothing (except lifting an "offline" status, since a point just arrived); a
    // company change removes the vehicle from the old company's geo set. Atomic per call, so per vehicle.
    private const string StateUpsertScript = """
        local applied = 0
        for i = 2, #ARGV, 7 do
          local v, json, t, lon, lat, c, st = ARGV[i], ARGV[i+1], ARGV[i+2], ARGV[i+3], ARGV[i+4], ARGV[i+5], ARGV[i+6]
          local old = redis.call('HGET', KEYS[1], v)
          local newer = true
          if old then
            local ot = string.match(old, '"deviceTime":"([^"]+)"')
            if ot and ot >= t then
              newer = false
              if string.find(old, '"status":"offline"', 1, true) then
                redis.call('HSET', KEYS[1], v, (string.gsub(old, '"status":"offline"', '"status":"' .. st .. '"', 1)))
              end
            else
              local oc = string.match(old, '"companyId":"([^"]*)"')
              if oc and oc ~= c then redis.call('ZREM', ARGV[1] .. oc, v) end
            end
          end
          if newer then
            redis.call('HSET', KEYS[1], v, json)
            redis.call('GEOADD', KEYS[2], lon, lat, v)
            redis.call('GEOADD', ARGV[1] .. c, lon, lat, v)
            applied = applied + 1
          end
        end
        return applied
        """;

    // Vehicles per script call: few round trips per batch, yet no single call blocks Redis for long.
    private const int ChunkSize = 250;

    // Redis geo sets cannot hold latitudes beyond ±85.05112878 (Web Mercator); the state JSON keeps the true value.
    private const double MaxGeoLatitude = 85.05112878;

    public async Task UpsertAsync(IReadOnlyList<EnrichedPoint> latestPerVehicle)
    {
        var db = redis.GetDatabase();
        var tasks = new List<Task>();
        foreach (var chunk in latestPerVehicle.Chunk(ChunkSize))
        {
            var args = new List<RedisValue>(1 + chunk.Length * 7) { keys.CompanyGeoPrefix };
            foreach (var point in chunk)
            {
                var item = ToItem(point);
                args.AddRange([
                    item.VehicleId,
                    JsonSerializer.Serialize(item, ProcessingJsonContext.Default.VehicleStateItem),
                    item.DeviceTime,
                    point.Message.Lon,
                    Math.Clamp(point.Message.Lat, -MaxGeoLatitude, MaxGeoLatitude),
                    item.CompanyId,
                    item.Status,
                ]);
            }

            tasks.Add(db.ScriptEvaluateAsync(StateUpsertScript, [keys.State, keys.Geo], [.. args]));
        }

        await Task.WhenAll(tasks);
    }

    private VehicleStateItem ToItem(EnrichedPoint point)
    {
        var context = point.Context!;
        var message = point.Message;
        return new VehicleStateItem
        {
            VehicleId = context.Vehicle.Id,
            DeviceId = message.DeviceId,
            CompanyId = context.Vehicle.CompanyId,
            DriverId = context.Vehicle.DriverId,
            GroupIds = context.Vehicle.GroupIds ?? [],
            Plate = context.Vehicle.Plate,
            Name = context.Vehicle.Name,
            Lat = message.Lat,
            Lon = message.Lon,
            Speed = message.HasSpeedKmh ? message.SpeedKmh : null,
            Heading = message.HasHeading ? message.Heading : null,
            Ignition = message.HasIgnition ? message.Ignition : null,
            Fuel = message.HasFuelL ? message.FuelL : null,
            DeviceTime = point.DeviceTime.UtcDateTime.ToString(VehicleStateItem.TimeFormat, CultureInfo.InvariantCulture),
            Status = point.Status(options.Value.MovingSpeedKmh),
            ServerTime = point.ServerTime.UtcDateTime.ToString(VehicleStateItem.TimeFormat, CultureInfo.InvariantCulture),
        };
    }
}
