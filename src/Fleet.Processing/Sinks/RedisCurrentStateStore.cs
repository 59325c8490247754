using System.Buffers;
using System.Text.Json;
using Fleet.Processing.Options;
using Fleet.Processing.ReadModel;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Fleet.Processing.Sinks;

/// <summary>docs/redis-layout.md "Current state": the state-upsert script over chunks of a batch, pipelined.</summary>
internal sealed class RedisCurrentStateStore(IConnectionMultiplexer redis, RedisKeys keys, IOptions<ProcessingOptions> options) : ICurrentStateStore
{
    // state-upsert, for a chunk of vehicles (ARGV[1] = company geo prefix, then 7 values per vehicle: id, JSON, device
    // time, geo score, company, status, the JSON's `"lat":..,"lon":..,` text). A point not newer than the stored one
    // changes nothing (except lifting an "offline" status, since a point just arrived); a company change removes the
    // vehicle from the old company's geo set. Atomic per call, so per vehicle. Cheap on purpose (the server is
    // single-threaded and shared): plain substring finds instead of patterns, ZADD of a precomputed geohash score
    // instead of GEOADD, and no geo write when neither the position nor the company changed (only this script writes
    // the geo sets, always together with the state, so they already hold that position). Few commands per chunk: one
    // HMGET, one HSET, one ZADD for the fleet geo set and one per company, instead of four commands per vehicle; a
    // vehicle given twice in one call is compared with its first write (`cur`), and its geo writes keep the last.
    private const string StateUpsertScript = """
        local ids, n = {}, 0
        for i = 2, #ARGV, 7 do n = n + 1; ids[n] = ARGV[i] end
        if n == 0 then return 0 end
        local olds = redis.call('HMGET', KEYS[1], unpack(ids))
        local cur, geo, comp = {}, {}, {}
        local applied, k = 0, 0
        for i = 2, #ARGV, 7 do
          k = k + 1
          local v, json, t, score, c, st, pos = ARGV[i], ARGV[i+1], ARGV[i+2], ARGV[i+3], ARGV[i+4], ARGV[i+5], ARGV[i+6]
          local old = cur[v]
          if old == nil then old = olds[k] end
          local newer, move = true, true
          if old then
            local ot
            local at = string.find(old, '"deviceTime":"', 1, true)
            if at then ot = string.sub(old, at + 14, string.find(old, '"', at + 14, true) - 1) end
            if ot and ot >= t then
              newer = false
              if string.find(old, '"status":"offline"', 1, true) then
                cur[v] = (string.gsub(old, '"status":"offline"', '"status":"' .. st .. '"', 1))
              end
            else
              local oc
              local ca = string.find(old, '"companyId":"', 1, true)
              if ca then oc = string.sub(old, ca + 13, string.find(old, '"', ca + 13, true) - 1) end
              if oc ~= c then
                if oc then redis.call('ZREM', ARGV[1] .. oc, v) end
              elseif string.find(old, pos, 1, true) then
                move = false
              end
            end
          end
          if newer then
            cur[v] = json
            if move then geo[v] = score; comp[v] = c end
            applied = applied + 1
          end
        end
        local h = {}
        for v, json in pairs(cur) do h[#h + 1] = v; h[#h + 1] = json end
        if #h > 0 then redis.call('HSET', KEYS[1], unpack(h)) end
        local g, byCompany = {}, {}
        for v, score in pairs(geo) do
          g[#g + 1] = score; g[#g + 1] = v
          local list = byCompany[comp[v]]
          if not list then list = {}; byCompany[comp[v]] = list end
          list[#list + 1] = score; list[#list + 1] = v
        end
        if #g > 0 then redis.call('ZADD', KEYS[2], unpack(g)) end
        for c, list in pairs(byCompany) do redis.call('ZADD', ARGV[1] .. c, unpack(list)) end
        return applied
        """;

    // Vehicles per script call: few round trips per batch, yet no single call blocks Redis for long.
    private const int ChunkSize = 250;

    public async Task UpsertAsync(IReadOnlyList<EnrichedPoint> latestPerVehicle)
    {
        var db = redis.GetDatabase();
        var tasks = new List<Task>();
        // One UTF-8 buffer per call, reset per vehicle: the JSON goes to Redis as bytes, never as a UTF-16 string.
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(buffer);
        for (var start = 0; start < latestPerVehicle.Count; start += ChunkSize)
        {
            var end = Math.Min(start + ChunkSize, latestPerVehicle.Count);
            var args = new RedisValue[1 + (end - start) * 7];
            args[0] = keys.CompanyGeoPrefix;
            var at = 1;
            for (var i = start; i < end; i++)
            {
                var point = latestPerVehicle[i];
                var item = ToItem(point);
                buffer.ResetWrittenCount();
                writer.Reset();
                JsonSerializer.Serialize(writer, item, ProcessingJsonContext.Default.VehicleStateItem);
                writer.Flush();
                var json = buffer.WrittenSpan;
                args[at++] = item.VehicleId;
                args[at++] = json.ToArray();
                args[at++] = item.DeviceTime;
                args[at++] = GeoScore.Of(point.Message.Lon, point.Message.Lat);
                args[at++] = item.CompanyId;
                args[at++] = item.Status;
                args[at++] = PositionText(json).ToArray();
            }

            tasks.Add(db.ScriptEvaluateAsync(StateUpsertScript, [keys.State, keys.Geo], args));
        }

        await Task.WhenAll(tasks);
    }

    /// <summary>
    /// <c>"lat":..,"lon":..,</c> exactly as the state JSON writes them (lon is never the last property, so the comma
    /// closes it): found in the stored JSON, it means the vehicle has not moved. Strings before it cannot fake the
    /// match: the JSON encoder writes a quote inside a string as <c>\u0022</c>.
    /// </summary>
    internal static ReadOnlySpan<byte> PositionText(ReadOnlySpan<byte> json)
    {
        var start = json.IndexOf("\"lat\":"u8);
        var lon = start + json[start..].IndexOf("\"lon\":"u8);
        return json[start..(lon + json[lon..].IndexOf((byte)',') + 1)];
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
            DeviceTime = UtcTimeText.Format(point.Message.DeviceTimeMs),
            Status = point.Status(options.Value.MovingSpeedKmh),
            ServerTime = UtcTimeText.Format(point.Message.ServerTimeMs),
        };
    }
}
