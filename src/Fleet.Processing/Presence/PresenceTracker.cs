using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Confluent.Kafka;
using Fleet.Contracts;
using Fleet.Contracts.Events;
using Fleet.Processing.Diagnostics;
using Fleet.Processing.Options;
using Fleet.Processing.Sinks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Fleet.Processing.Presence;

/// <summary>
/// Online/offline by point arrival, whatever the transport (a UDP or HTTP device has no connection to watch).
/// Each device has a deadline (arrival + its company's timeout) in a Redis sorted set; a device enters the set
/// (online) or leaves it (offline) only inside an atomic script, so with several instances each transition is
/// announced by exactly one of them.
/// </summary>
internal sealed class PresenceTracker(IConnectionMultiplexer redis, RedisKeys keys, IProducer<string, byte[]> producer,
    ProcessingMetrics metrics, IOptions<ProcessingOptions> options, TimeProvider clock)
{
    // ARGV = (device, deadline) pairs. Returns the devices that were not online (absent from the set): the caller
    // announces "online" for them. Deadlines only move forward: ZADD GT (Redis 6.2+) adds a new device, raises a
    // later deadline, and returns 1 only for an added one, all in one command.
    private const string TouchScript = """
        local online = {}
        for i = 1, #ARGV, 2 do
          if redis.call('ZADD', KEYS[1], 'GT', ARGV[i+1], ARGV[i]) == 1 then
            online[#online + 1] = ARGV[i]
          end
        end
        return online
        """;

    // Takes a device past its deadline offline (once) and rewrites its vehicle's map status; returns the deadline.
    private const string ExpireScript = """
        local cur = redis.call('ZSCORE', KEYS[1], ARGV[1])
        if not cur or tonumber(cur) > tonumber(ARGV[2]) then return false end
        redis.call('ZREM', KEYS[1], ARGV[1])
        if ARGV[3] ~= '' then
          local s = redis.call('HGET', KEYS[2], ARGV[3])
          if s and string.match(s, '"deviceId":"([^"]*)"') == ARGV[1] then
            redis.call('HSET', KEYS[2], ARGV[3], (string.gsub(s, '"status":"[a-z]+"', '"status":"offline"', 1)))
          end
        end
        return cur
        """;

    // Device → deadline this instance last wrote (slack included). A later point whose deadline that one still covers is
    // not written again while the written deadline minus the slack lies ahead: no sweeper whose clock is less than the
    // slack ahead of ours can have taken the device out yet. One entry per device this instance has seen.
    private readonly Dictionary<string, long> _written = new(StringComparer.Ordinal);
    private readonly Lock _writtenLock = new();

    /// <summary>Moves each device's deadline forward; publishes <c>online</c> for devices that were not online.</summary>
    public async Task TouchAsync(IReadOnlyList<EnrichedPoint> points, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var slackMs = (long)options.Value.Presence.WriteSlack.TotalMilliseconds;
        var latestArrival = new Dictionary<string, EnrichedPoint>(StringComparer.Ordinal);
        foreach (var point in points)
        {
            ref var latest = ref CollectionsMarshal.GetValueRefOrAddDefault(latestArrival, point.Message.DeviceId, out _);
            if (latest is null || point.Message.ServerTimeMs > latest.Message.ServerTimeMs)
            {
                latest = point;
            }
        }

        var args = new List<RedisValue>(latestArrival.Count * 2);
        var byDevice = new Dictionary<string, EnrichedPoint>(latestArrival.Count, StringComparer.Ordinal);
        lock (_writtenLock)
        {
            foreach (var point in latestArrival.Values)
            {
                var deadline = point.ServerTime + options.Value.Presence.TimeoutFor(point.Context?.Vehicle.CompanyId);
                var deadlineMs = deadline.ToUnixTimeMilliseconds();
                // A replayed point that arrived long ago says nothing about the device being online now.
                if (deadline <= now || (_written.TryGetValue(point.Message.DeviceId, out var written) && deadlineMs <= written
                    && written - slackMs > nowMs))
                {
                    continue;
                }

                args.Add(point.Message.DeviceId);
                args.Add(deadlineMs + slackMs);
                byDevice[point.Message.DeviceId] = point;
            }
        }

        if (args.Count == 0)
        {
            return;
        }

        var db = redis.GetDatabase();
        // Chunks of whole (device, deadline) pairs, pipelined: one round trip for the batch, no long-blocking script.
        var results = await Task.WhenAll(args.Chunk(500).Select(chunk => db.ScriptEvaluateAsync(TouchScript, [keys.PresenceDeadlines], chunk)));
        lock (_writtenLock)
        {
            for (var i = 0; i < args.Count; i += 2)
            {
                ref var written = ref CollectionsMarshal.GetValueRefOrAddDefault(_written, args[i].ToString(), out _);
                written = Math.Max(written, (long)args[i + 1]);
            }
        }

        var online = results.SelectMany(result => ((RedisValue[])result!).Select(d => byDevice[d.ToString()])).ToList();

        await Task.WhenAll(online.Select(p => PublishAsync(
            new DeviceEvent(p.Message.DeviceId, DeviceEvent.Online, p.ServerTime, NullIfEmpty(p.Message.Protocol)), cancellationToken)));
    }

    /// <summary>Devices whose deadline has passed (at most <paramref name="limit"/>).</summary>
    public async Task<IReadOnlyList<string>> DueAsync(int limit)
    {
        var due = await redis.GetDatabase().SortedSetRangeByScoreAsync(keys.PresenceDeadlines,
            double.NegativeInfinity, clock.GetUtcNow().ToUnixTimeMilliseconds(), take: limit);
        return due.Select(d => d.ToString()).ToList();
    }

    /// <summary>Takes one due device offline; returns false when another instance (or a new point) got there first.</summary>
    public async Task<bool> ExpireAsync(string deviceId, string? vehicleId, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var result = await db.ScriptEvaluateAsync(ExpireScript, [keys.PresenceDeadlines, keys.State],
            [deviceId, clock.GetUtcNow().ToUnixTimeMilliseconds(), vehicleId ?? ""]);
        if (result.IsNull)
        {
            return false;
        }

        var deadline = long.Parse(result.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        lock (_writtenLock)
        {
            _written.Remove(deviceId);   // its next point must be written (and announce online)
        }

        try
        {
            // Announced as due without the slack: the last written arrival + timeout.
            var due = deadline - (long)options.Value.Presence.WriteSlack.TotalMilliseconds;
            await PublishAsync(new DeviceEvent(deviceId, DeviceEvent.Offline, DateTimeOffset.FromUnixTimeMilliseconds(due), null), cancellationToken);
        }
        catch
        {
            // Not announced: put the deadline back so this or another instance tries again.
            await db.SortedSetAddAsync(keys.PresenceDeadlines, deviceId, deadline, SortedSetWhen.NotExists);
            throw;
        }

        return true;
    }

    private async Task PublishAsync(DeviceEvent deviceEvent, CancellationToken cancellationToken)
    {
        await producer.ProduceAsync(Topics.DeviceEvents, new Message<string, byte[]>
        {
            Key = deviceEvent.DeviceId,
            Value = JsonSerializer.SerializeToUtf8Bytes(deviceEvent, FleetJsonContext.Default.DeviceEvent),
        }, cancellationToken);
        metrics.DeviceEvent(deviceEvent.Type);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
