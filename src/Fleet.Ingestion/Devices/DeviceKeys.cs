using Fleet.Ingestion.Options;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Fleet.Ingestion.Devices;

/// <summary>The Redis names of docs/redis-layout.md "Device trust", under a configurable prefix.</summary>
public sealed class DeviceKeys(IOptions<IngestionOptions> options)
{
    private readonly string _prefix = options.Value.Devices.KeyPrefix;

    public RedisKey Devices => _prefix + "devices";

    public RedisChannel Changes => RedisChannel.Literal(_prefix + "devices:changes");

    public RedisKey Seen => _prefix + "devices:seen";
}
