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
    // state-upsert, for a chunk of vehicles (ARGV[1] = company geo prefix, then 6 values per vehicle: id, JSON, device
    // time, geo score, company, status). A point not newer than the stored one changes nothing (except lifting an
    // "offline" status, since a point just arrived); a company change removes the vehicle from the old company's geo
    // set. Atomic per call, so per vehicle. Cheap on purpose (the server is single-threaded and shared): the stored
    // device time, geo score and company come from the Processing-private meta hash (`time|score|company`, ≈ 50 bytes)
    // instead of reading and scanning the ≈ 450-byte JSON; ZADD of a precomputed geohash score instead of GEOADD; no geo
    // write when neither the score nor the company changed (only this script writes the geo sets, always together with
    // the state). A vehicle without a meta entry (state written before the key existed) is compared with its stored
    // JSON; a meta entry without state (the state hash was cleared) counts as no state. Few commands per chunk: one
    // HMGET, one HSET per hash, one ZADD for the fleet geo set and one per company; a vehicle given twice in one call
    // is compared with its first write (`cur`), and its geo writes keep the last.
    private const string StateUpsertScript = """
        local ids, n = {}, 0
        for i = 2, #ARGV, 6 do n = n + 1; ids[n] = ARGV[i] end
        if n == 0 then return 0 end
        local metas = redis.call('HMGET', KEYS[3], unpack(ids))
        local missing, at, olds = {}, {}, {}
        for k = 1, n do if not metas[k] then missing[#missing + 1] = ids[k]; at[#at + 1] = k end end
        if #missing > 0 then
          local js = redis.call('HMGET', KEYS[1], unpack(missing))
          for j = 1, #missing do olds[at[j]] = js[j] end
        end
        local cur, meta, geo, comp = {}, {}, {}, {}
        local applied, k = 0, 0
        for i = 2, #ARGV, 6 do
          k = k + 1
          local v, json, t, score, c, st = ARGV[i], ARGV[i+1], ARGV[i+2], ARGV[i+3], ARGV[i+4], ARGV[i+5]
          local ot, os, oc, old
          local m = meta[v] or metas[k]
          if m then
            local a = string.find(m, '|', 1, true)
            local b = string.find(m, '|', a + 1, true)
            ot, os, oc = string.sub(m, 1, a - 1), string.sub(m, a + 1, b - 1), string.sub(m, b + 1)
          else
            old = cur[v] or olds[k]
            if old then
              local p = string.find(old, '"deviceTime":"', 1, true)
              if p then ot = string.sub(old, p + 14, string.find(old, '"', p + 14, true) - 1) end
              p = string.find(old, '"companyId":"', 1, true)
              if p then oc = string.sub(old, p + 13, string.find(old, '"', p + 13, true) - 1) end
            end
          end
          local newer, move = true, true
          if ot and ot >= t then
            old = cur[v] or old or redis.call('HGET', KEYS[1], v)
            if old then
              newer = false
              if string.find(old, '"status":"offline"', 1, true) then
                cur[v] = (string.gsub(old, '"status":"offline"', '"status":"' .. st .. '"', 1))
              end
            end
          elseif oc and oc ~= c then
            redis.call('ZREM', ARGV[1] .. oc, v)
          elseif os == score then
            move = false
          end
          if newer then
            cur[v] = json
            meta[v] = t .. '|' .. score .. '|' .. c
            if move then geo[v] = score; comp[v] = c end
            applied = applied + 1
          end
        end
        local h = {}
        for v, json in pairs(cur) do h[#h + 1] = v; h[#h + 1] = json end
        if #h > 0 then redis.call('HSET', KEYS[1], unpack(h)) end
        h = {}
        for v, m in pairs(meta) do h[#h + 1] = v; h[#h + 1] = m end
        if #h > 0 then redis.call('HSET', KEYS[3], unpack(h)) end
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
            var args = new RedisValue[1 + (end - start) * 6];
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
                args[at++] = item.VehicleId;
                args[at++] = buffer.WrittenSpan.ToArray();
                args[at++] = item.DeviceTime;
                args[at++] = GeoScore.Of(point.Message.Lon, point.Message.Lat);
                args[at++] = item.CompanyId;
                args[at++] = item.Status;
            }

            tasks.Add(db.ScriptEvaluateAsync(StateUpsertScript, [keys.State, keys.Geo, keys.StateMeta], args));
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
            DeviceTime = UtcTimeText.Format(point.Message.DeviceTimeMs),
            Status = point.Status(options.Value.MovingSpeedKmh),
            ServerTime = UtcTimeText.Format(point.Message.ServerTimeMs),
        };
    }
}
