using System.Globalization;
using System.Text.Json;
using Fleet.Processing.Options;
using Fleet.Processing.ReadModel;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Fleet.Processing.Sinks;

/// <summary>docs/redis-layout.md "Current state": one atomic script per vehicle, pipelined per batch.</summary>
internal sealed class RedisCurrentStateStore(IConnectionMultiplexer redis, RedisKeys keys, IOptions<ProcessingOptions> options) : ICurrentStateStore
{
    // state-upsert: a point not newer than the stored one changes nothing (except lifting an "offline" status, since a
    // point just arrived); a company change removes the vehicle from the old company's geo set.
    private const string StateUpsertScript = """
        local old = redis.call('HGET', KEYS[1], ARGV[1])
        if old then
          local t = string.match(old, '"deviceTime":"([^"]+)"')
          if t and t >= ARGV[3] then
            if string.find(old, '"status":"offline"', 1, true) then
              redis.call('HSET', KEYS[1], ARGV[1], (string.gsub(old, '"status":"offline"', '"status":"' .. ARGV[8] .. '"', 1)))
            end
            return 0
          end
          local c = string.match(old, '"companyId":"([^"]*)"')
          if c and c ~= ARGV[6] then redis.call('ZREM', ARGV[7] .. c, ARGV[1]) end
        end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        redis.call('GEOADD', KEYS[2], ARGV[4], ARGV[5], ARGV[1])
        redis.call('GEOADD', KEYS[3], ARGV[4], ARGV[5], ARGV[1])
        return 1
        """;

    // Redis geo sets cannot hold latitudes beyond ±85.05112878 (Web Mercator); the state JSON keeps the true value.
    private const double MaxGeoLatitude = 85.05112878;

    public async Task UpsertAsync(IReadOnlyList<EnrichedPoint> latestPerVehicle)
    {
        var db = redis.GetDatabase();
        var tasks = new Task[latestPerVehicle.Count];
        for (var i = 0; i < latestPerVehicle.Count; i++)
        {
            var point = latestPerVehicle[i];
            var context = point.Context!;
            var message = point.Message;
            var status = point.Status(options.Value.MovingSpeedKmh);
            var item = new VehicleStateItem
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
                Status = status,
                ServerTime = point.ServerTime.UtcDateTime.ToString(VehicleStateItem.TimeFormat, CultureInfo.InvariantCulture),
            };
            tasks[i] = db.ScriptEvaluateAsync(StateUpsertScript, [keys.State, keys.Geo, keys.CompanyGeo(item.CompanyId)],
            [
                item.VehicleId,
                JsonSerializer.Serialize(item, ProcessingJsonContext.Default.VehicleStateItem),
                item.DeviceTime,
                message.Lon,
                Math.Clamp(message.Lat, -MaxGeoLatitude, MaxGeoLatitude),
                item.CompanyId,
                keys.CompanyGeoPrefix,
                status,
            ]);
        }

        await Task.WhenAll(tasks);
    }
}
