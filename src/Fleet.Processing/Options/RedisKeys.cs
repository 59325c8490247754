using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Fleet.Processing.Options;

/// <summary>The key names of docs/redis-layout.md under the configured prefix.</summary>
internal sealed class RedisKeys(IOptions<ProcessingOptions> options)
{
    private readonly string _p = options.Value.KeyPrefix;

    public string Prefix => _p;
    public RedisKey Devices => _p + "devices";
    public RedisChannel DeviceChanges => RedisChannel.Literal(_p + "devices:changes");
    public RedisKey Generation => _p + "ref:generation";
    public RedisKey DeviceVehicle => _p + "ref:device-vehicle";
    public RedisKey Vehicles => _p + "ref:vehicles";
    public RedisKey Drivers => _p + "ref:drivers";
    public RedisKey Companies => _p + "ref:companies";
    public RedisChannel RefChanges => RedisChannel.Literal(_p + "ref:changes");
    public RedisKey State => _p + "state";
    public RedisKey Geo => _p + "geo";
    public string CompanyGeoPrefix => _p + "geo:company:";
    public RedisKey CompanyGeo(string companyId) => CompanyGeoPrefix + companyId;

    /// <summary>Sorted set: device id scored by the Unix ms at which it goes offline unless another point arrives.</summary>
    public RedisKey PresenceDeadlines => _p + "presence:deadlines";
}
