using System.Collections.Concurrent;
using System.Text.Json;
using Confluent.Kafka;
using Fleet.Contracts;
using Fleet.Contracts.Events;
using Fleet.Ingestion.Diagnostics;
using StackExchange.Redis;

namespace Fleet.Ingestion.Devices;

/// <summary>
/// Emits <c>device.first_seen</c> to <c>device.events</c> exactly once across instances: SADD on
/// <c>devices:seen</c> returns 1 for one caller only. Runs off the packet path; a local set avoids asking Redis twice.
/// </summary>
public sealed class FirstSeenNotifier(
    IConnectionMultiplexer redis,
    DeviceKeys keys,
    IProducer<string, byte[]> producer,
    TimeProvider clock,
    ILogger<FirstSeenNotifier> logger)
{
    private readonly ConcurrentDictionary<string, byte> _known = new(StringComparer.Ordinal);

    public void Notice(string deviceId, string protocol)
    {
        if (_known.TryAdd(deviceId, 0))
        {
            _ = RecordAsync(deviceId, protocol);
        }
    }

    private async Task RecordAsync(string deviceId, string protocol)
    {
        try
        {
            if (!await redis.GetDatabase().SetAddAsync(keys.Seen, deviceId).ConfigureAwait(false))
            {
                return;
            }

            var evt = new DeviceEvent(deviceId, DeviceEvent.FirstSeen, clock.GetUtcNow(), protocol);
            var value = JsonSerializer.SerializeToUtf8Bytes(evt, FleetJsonContext.Default.DeviceEvent);
            await producer.ProduceAsync(Topics.DeviceEvents, new Message<string, byte[]> { Key = deviceId, Value = value }).ConfigureAwait(false);
            IngestionLog.FirstSeen(logger, deviceId, protocol);
        }
        catch (Exception ex) when (ex is RedisException or KafkaException)
        {
            // Forget it locally so the next packet tries again. If SADD succeeded but Kafka failed, the event is lost:
            // first_seen is informational, and a second emit from another instance would break "exactly once".
            _known.TryRemove(deviceId, out _);
            IngestionLog.FirstSeenFailed(logger, deviceId, ex);
        }
    }
}
