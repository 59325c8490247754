using System.Text.Json;
using Fleet.Ingestion.Diagnostics;
using Fleet.Ingestion.Options;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Fleet.Ingestion.Devices;

/// <summary>
/// Keeps <see cref="DeviceRegistry"/> in step with Redis (docs/redis-layout.md "Device trust"): HGETALL before the
/// listeners open, then the <c>devices:changes</c> channel (one id, or "*" for everything), and a full reload every
/// few minutes against a missed message.
/// </summary>
public sealed class DeviceRegistrySync(
    IConnectionMultiplexer redis,
    DeviceRegistry registry,
    DeviceKeys keys,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    ILogger<DeviceRegistrySync> logger) : BackgroundService
{
    private const string Everything = "*";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        Action<RedisChannel, RedisValue> onChange = (channel, message) => _ = OnChangeAsync(message);
        await redis.GetSubscriber().SubscribeAsync(keys.Changes, onChange).ConfigureAwait(false);
        await ReloadAsync().ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await redis.GetSubscriber().UnsubscribeAsync(keys.Changes).ConfigureAwait(false);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Devices.ReloadInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await ReloadAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Reads the whole hash; on failure the previous copy stays (Redis down must not untrust every device).</summary>
    public async Task ReloadAsync()
    {
        try
        {
            var fields = await redis.GetDatabase().HashGetAllAsync(keys.Devices).ConfigureAwait(false);
            var entries = new List<KeyValuePair<string, DeviceEntry>>(fields.Length);
            foreach (var field in fields)
            {
                if (Parse(field.Name!, field.Value) is { } entry)
                {
                    entries.Add(KeyValuePair.Create((string)field.Name!, entry));
                }
            }

            registry.ReplaceAll(entries);
            IngestionLog.DevicesLoaded(logger, entries.Count);
        }
        catch (RedisException ex)
        {
            IngestionLog.DevicesLoadFailed(logger, ex);
        }
    }

    private async Task OnChangeAsync(RedisValue message)
    {
        var deviceId = (string?)message;
        if (string.IsNullOrEmpty(deviceId) || deviceId == Everything)
        {
            await ReloadAsync().ConfigureAwait(false);
            return;
        }

        try
        {
            var value = await redis.GetDatabase().HashGetAsync(keys.Devices, deviceId).ConfigureAwait(false);
            registry.Set(deviceId, value.IsNull ? null : Parse(deviceId, value));
        }
        catch (RedisException ex)
        {
            IngestionLog.DevicesLoadFailed(logger, ex);
        }
    }

    private DeviceEntry? Parse(string deviceId, RedisValue value)
    {
        try
        {
            return JsonSerializer.Deserialize((byte[])value!, IngestionJsonContext.Default.DeviceEntry);
        }
        catch (JsonException ex)
        {
            IngestionLog.DeviceEntryUnreadable(logger, deviceId, ex);
            return null;
        }
    }
}
