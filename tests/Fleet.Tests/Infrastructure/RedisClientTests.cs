using StackExchange.Redis;

namespace Fleet.Tests.Infrastructure;

/// <summary>The real test redis-server through StackExchange.Redis, the client Aspire registers in the services.</summary>
public sealed class RedisClientTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task GeoIndex_SearchByBox_FindsOnlyMembersInside()
    {
        var db = redis.Connection.GetDatabase();
        var key = redis.KeyPrefix + "geo";
        await db.GeoAddAsync(key, [new GeoEntry(37.6184, 55.7512, "moscow"), new GeoEntry(30.3141, 59.9386, "spb"), new GeoEntry(-58.3816, -34.6037, "ba")]);

        var inside = await db.GeoSearchAsync(key, 37.6, 55.75, new GeoSearchBox(200, 200, GeoUnit.Kilometers));

        Assert.Equal(["moscow"], inside.Select(r => r.Member.ToString()));
    }

    [Fact]
    public async Task Hash_WriteRead_RoundTrips()
    {
        var db = redis.Connection.GetDatabase();
        var key = redis.KeyPrefix + "vehicle:v-1";
        await db.HashSetAsync(key, [new HashEntry("lat", "55.75"), new HashEntry("speed", "42.5")]);

        Assert.Equal("42.5", (string?)await db.HashGetAsync(key, "speed"));
    }
}
