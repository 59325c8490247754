using System.Globalization;
using System.Text.Json;
using Fleet.Contracts.Events;
using Fleet.Contracts.Telemetry;
using Fleet.Processing.Enrichment;
using Fleet.Processing.Options;
using Fleet.Processing.ReadModel;
using Fleet.Processing.Sinks;
using Fleet.Tests.Infrastructure;
using StackExchange.Redis;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Fleet.Tests.Processing;

/// <summary>
/// The state-upsert script against the real Redis: geo scores written with ZADD equal GEOADD's, older points never move
/// state or geo back, and the geo write skipped for an unmoved vehicle never leaves the geo sets behind the state.
/// </summary>
public sealed class CurrentStateStoreTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GeoScoreOf_RandomAndEdgePositions_EqualsTheScoreGeoAddStores()
    {
        var random = new Random(42);
        var positions = new List<(double Lon, double Lat)>
        {
            (0, 0), (180, GeoScore.MaxLatitude), (-180, -GeoScore.MaxLatitude), (37.6173, 55.7558), (-0.000001, 0.000001),
            (179.9999999, 85.05), (-179.9999999, -85.05),
        };
        positions.AddRange(Enumerable.Range(0, 2000).Select(_ => (random.NextDouble() * 360 - 180, (random.NextDouble() * 2 - 1) * GeoScore.MaxLatitude)));
        var db = redis.Connection.GetDatabase();
        var key = redis.KeyPrefix + "geo-score";
        await db.GeoAddAsync(key, [.. positions.Select((p, i) => new GeoEntry(p.Lon, p.Lat, i.ToString(CultureInfo.InvariantCulture)))]);

        var stored = await Task.WhenAll(positions.Select((_, i) => db.SortedSetScoreAsync(key, i.ToString(CultureInfo.InvariantCulture))));

        Assert.Equal(stored.Select(s => (long)s!.Value), positions.Select(p => GeoScore.Of(p.Lon, p.Lat)));
    }

    [Fact]
    public async Task Upsert_NewerUnmovedThenMovedThenOlder_GeoFollowsStateAndOlderChangesNothing()
    {
        var (store, keys) = Store();
        const string vehicle = "v-1";
        await store.UpsertAsync([Point(vehicle, "c-1", seconds: 1, lon: 37.5, lat: 55.5)]);
        await store.UpsertAsync([Point(vehicle, "c-1", seconds: 2, lon: 37.5, lat: 55.5)]);
        Assert.Equal(Time(2), (await StateAsync(keys, vehicle)).GetProperty("deviceTime").GetString());
        await AssertGeoAsync(keys, vehicle, "c-1", 37.5, 55.5);

        await store.UpsertAsync([Point(vehicle, "c-1", seconds: 3, lon: 37.6, lat: 55.6)]);
        await AssertGeoAsync(keys, vehicle, "c-1", 37.6, 55.6);

        await store.UpsertAsync([Point(vehicle, "c-1", seconds: 1, lon: 10, lat: 10)]);
        var state = await StateAsync(keys, vehicle);
        Assert.Equal((Time(3), 55.6), (state.GetProperty("deviceTime").GetString(), state.GetProperty("lat").GetDouble()));
        await AssertGeoAsync(keys, vehicle, "c-1", 37.6, 55.6);
    }

    [Fact]
    public async Task Upsert_CompanyChangedAtSamePosition_VehicleMovesToTheNewCompanyGeoSet()
    {
        var (store, keys) = Store();
        const string vehicle = "v-2";
        await store.UpsertAsync([Point(vehicle, "c-1", seconds: 1, lon: 30, lat: 50)]);

        await store.UpsertAsync([Point(vehicle, "c-2", seconds: 2, lon: 30, lat: 50)]);

        Assert.Null(await redis.Connection.GetDatabase().GeoPositionAsync(keys.CompanyGeo("c-1"), vehicle));
        await AssertGeoAsync(keys, vehicle, "c-2", 30, 50);
    }

    [Fact]
    public async Task Upsert_PositionTextIsAPrefixOfAnother_StillCountsAsMoved()
    {
        var (store, keys) = Store();
        const string vehicle = "v-3";
        await store.UpsertAsync([Point(vehicle, "c-1", seconds: 1, lon: 37.12, lat: 55.1)]);

        // "lon":37.1 is a prefix of "lon":37.12: the closing comma keeps it from matching.
        await store.UpsertAsync([Point(vehicle, "c-1", seconds: 2, lon: 37.1, lat: 55.1)]);

        await AssertGeoAsync(keys, vehicle, "c-1", 37.1, 55.1);
    }

    [Fact]
    public async Task Upsert_NameWithQuotesPositionTextAndNonAscii_StoresTheSerializerJsonAndGeoFollows()
    {
        var (store, keys) = Store();
        const string vehicle = "v-4";
        // A name that spells the position text of the next point: the unmoved check must not be fooled by it.
        const string name = "Ёлка \"lat\":55.2,\"lon\":37.2, <&>";
        await store.UpsertAsync([Point(vehicle, "c-1", seconds: 1, lon: 37.1, lat: 55.1, name)]);

        await store.UpsertAsync([Point(vehicle, "c-1", seconds: 2, lon: 37.2, lat: 55.2, name)]);

        var stored = (string)(await redis.Connection.GetDatabase().HashGetAsync(keys.State, vehicle))!;
        var expected = JsonSerializer.Serialize(new VehicleStateItem
        {
            VehicleId = vehicle, DeviceId = "dev-" + vehicle, CompanyId = "c-1", Plate = "P-1", Name = name, Lat = 55.2, Lon = 37.2,
            Speed = 10, DeviceTime = Time(2), Status = PointStatus.Moving, ServerTime = Time(2),
        }, ProcessingJsonContext.Default.VehicleStateItem);
        Assert.Equal(expected, stored);
        await AssertGeoAsync(keys, vehicle, "c-1", 37.2, 55.2);
    }

    [Fact]
    public async Task Upsert_SameVehicleTwiceInOneCallAcrossCompanies_LastNewerWinsAndOnlyItsCompanyHoldsIt()
    {
        var (store, keys) = Store();
        const string vehicle = "v-5";
        await store.UpsertAsync([Point(vehicle, "c-1", seconds: 1, lon: 30, lat: 50)]);

        // One call: newer in c-2, newer again in c-3, then an older point that must change nothing.
        await store.UpsertAsync([Point(vehicle, "c-2", seconds: 2, lon: 31, lat: 51), Point(vehicle, "c-3", seconds: 3, lon: 32, lat: 52),
            Point(vehicle, "c-1", seconds: 2, lon: 10, lat: 10)]);

        var state = await StateAsync(keys, vehicle);
        Assert.Equal((Time(3), "c-3"), (state.GetProperty("deviceTime").GetString(), state.GetProperty("companyId").GetString()));
        var db = redis.Connection.GetDatabase();
        Assert.Null(await db.GeoPositionAsync(keys.CompanyGeo("c-1"), vehicle));
        Assert.Null(await db.GeoPositionAsync(keys.CompanyGeo("c-2"), vehicle));
        await AssertGeoAsync(keys, vehicle, "c-3", 32, 52);
    }

    [Fact]
    public async Task Upsert_OlderPointForAnOfflineVehicle_LiftsOnlyTheStatus()
    {
        var (store, keys) = Store();
        const string vehicle = "v-6";
        await store.UpsertAsync([Point(vehicle, "c-1", seconds: 5, lon: 30, lat: 50)]);
        var db = redis.Connection.GetDatabase();
        var offline = ((string)(await db.HashGetAsync(keys.State, vehicle))!).Replace("\"status\":\"moving\"", "\"status\":\"offline\"", StringComparison.Ordinal);
        await db.HashSetAsync(keys.State, vehicle, offline);

        await store.UpsertAsync([Point(vehicle, "c-1", seconds: 1, lon: 10, lat: 10)]);

        var state = await StateAsync(keys, vehicle);
        Assert.Equal((Time(5), "moving", 50.0), (state.GetProperty("deviceTime").GetString(), state.GetProperty("status").GetString(),
            state.GetProperty("lat").GetDouble()));
        await AssertGeoAsync(keys, vehicle, "c-1", 30, 50);
    }

    [Fact]
    public void UtcTimeTextFormat_RandomAndEdgeTimes_EqualsTheCustomDateFormat()
    {
        var random = new Random(7);
        var times = new List<long> { 0, 1, 999, 951_782_400_000 /* 2000-02-29 */, 253_402_300_799_999 /* 9999-12-31 */, -1 };
        times.AddRange(Enumerable.Range(0, 5000).Select(_ => random.NextInt64(0, 4_102_444_800_000)));

        Assert.Equal(times.Select(t => DateTime.UnixEpoch.AddMilliseconds(t).ToString(VehicleStateItem.TimeFormat, CultureInfo.InvariantCulture)),
            times.Select(UtcTimeText.Format));
    }

    private (RedisCurrentStateStore Store, RedisKeys Keys) Store()
    {
        var options = MsOptions.Create(new ProcessingOptions { KeyPrefix = redis.KeyPrefix + Guid.NewGuid().ToString("N")[..6] + ":" });
        var keys = new RedisKeys(options);
        return (new RedisCurrentStateStore(redis.Connection, keys, options), keys);
    }

    private async Task<JsonElement> StateAsync(RedisKeys keys, string vehicle) =>
        JsonDocument.Parse((string)(await redis.Connection.GetDatabase().HashGetAsync(keys.State, vehicle))!).RootElement;

    private async Task AssertGeoAsync(RedisKeys keys, string vehicle, string company, double lon, double lat)
    {
        var db = redis.Connection.GetDatabase();
        foreach (var key in new[] { keys.Geo, keys.CompanyGeo(company) })
        {
            var position = await db.GeoPositionAsync(key, vehicle);
            Assert.NotNull(position);
            Assert.Equal((lon, lat), (Math.Round(position.Value.Longitude, 5), Math.Round(position.Value.Latitude, 5)));
        }
    }

    private static string Time(int seconds) =>
        Start.AddSeconds(seconds).UtcDateTime.ToString(VehicleStateItem.TimeFormat, CultureInfo.InvariantCulture);

    private static EnrichedPoint Point(string vehicle, string company, int seconds, double lon, double lat, string name = "Truck") => new(
        new TelemetryMessage
        {
            DeviceId = "dev-" + vehicle,
            DeviceTimeMs = Start.AddSeconds(seconds).ToUnixTimeMilliseconds(),
            ServerTimeMs = Start.AddSeconds(seconds).ToUnixTimeMilliseconds(),
            Lat = lat,
            Lon = lon,
            SpeedKmh = 10,
        },
        new VehicleContext(new VehicleUpdated(vehicle, 1, company, "dev-" + vehicle, "P-1", name, [], null), null, null),
        null);
}
