using System.Text;
using System.Text.Json;
using Fleet.Contracts.Events;
using Fleet.Tests.Infrastructure;
using StackExchange.Redis;

namespace Fleet.Tests.Processing;

/// <summary>Reference events in, telemetry in → Redis state, PostgreSQL snapshot, history, vehicle.positions.</summary>
public sealed class ProcessingEnrichmentTests(KafkaFixture kafka, RedisFixture redis, PostgresFixture postgres, ClickHouseFixture clickHouse)
    : IClassFixture<KafkaFixture>, IClassFixture<RedisFixture>, IClassFixture<PostgresFixture>, IClassFixture<ClickHouseFixture>
{
    [Fact]
    public async Task Pipeline_ReferenceThenTelemetry_EverySinkCarriesVehicleDriverCompanyGroupsTariff()
    {
        var harness = new ProcessingHarness(kafka, redis, postgres, clickHouse);
        var fleet = new TestFleet();
        using var feed = new FleetFeed(kafka.BootstrapServers);
        await fleet.SendAsync(feed);
        var host = await harness.StartAsync();
        try
        {
            await WaitForVehicleVersion(harness, fleet.Vehicle, 1);
            await feed.Telemetry([FleetFeed.Point(fleet.Device, 1), FleetFeed.Point(fleet.Device, 2), FleetFeed.Point(fleet.Device, 3, speed: 0)]);

            var state = await WaitForState(harness, fleet.Vehicle, FleetFeed.BaseTime.AddSeconds(3));
            Assert.Equal(fleet.Device, state.GetProperty("deviceId").GetString());
            Assert.Equal(fleet.Company, state.GetProperty("companyId").GetString());
            Assert.Equal(fleet.Driver, state.GetProperty("driverId").GetString());
            Assert.Equal(["g-north"], state.GetProperty("groupIds").EnumerateArray().Select(g => g.GetString()));
            Assert.Equal("A123BC77", state.GetProperty("plate").GetString());
            Assert.Equal("stopped", state.GetProperty("status").GetString());
            var db = redis.Connection.GetDatabase();
            Assert.NotNull(await db.GeoPositionAsync(harness.KeyPrefix + "geo", fleet.Vehicle));
            Assert.NotNull(await db.GeoPositionAsync(harness.KeyPrefix + "geo:company:" + fleet.Company, fleet.Vehicle));

            var snapshot = await Snapshot(fleet.Vehicle);
            Assert.Equal((fleet.Device, fleet.Company, FleetFeed.BaseTime.AddSeconds(3), "stopped"), snapshot);

            var history = await ProcessingHarness.HistoryAsync(host, fleet.Vehicle, 3);
            Assert.Equal([1, 2, 3], history.Select(h => (int)(h.DeviceTime - FleetFeed.BaseTime).TotalSeconds));
            Assert.All(history, h => Assert.Equal(fleet.Company, h.CompanyId));

            var positions = TopicReader.Read(kafka.BootstrapServers, Fleet.Contracts.Topics.VehiclePositions,
                r => r.Message.Key == fleet.Vehicle, found => found.Count >= 3);
            Assert.Equal(3, positions.Count);
            var first = TopicReader.Position(positions[0]);
            Assert.Equal((fleet.Vehicle, fleet.Device, fleet.Company, fleet.Driver, "pro"), (first.VehicleId, first.DeviceId, first.CompanyId, first.DriverId, first.Tariff));
            Assert.Equal(["g-north"], first.GroupIds);
            Assert.Equal(FleetFeed.BaseTime.AddSeconds(1), first.DeviceTime);
            // The trace continues: same trace id as the telemetry.raw message's traceparent.
            Assert.True(positions[0].Message.Headers.TryGetLastBytes("traceparent", out var parent));
            Assert.Equal(FleetFeed.TraceParent.Split('-')[1], Encoding.ASCII.GetString(parent).Split('-')[1]);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }
    }

    [Fact]
    public async Task Pipeline_DriverAndCompanyReassignedMidStream_NextPointsCarryNewContextAndOldCompanyGeoIsLeft()
    {
        var harness = new ProcessingHarness(kafka, redis, postgres, clickHouse);
        var fleet = new TestFleet();
        using var feed = new FleetFeed(kafka.BootstrapServers);
        await fleet.SendAsync(feed);
        var host = await harness.StartAsync();
        try
        {
            await WaitForVehicleVersion(harness, fleet.Vehicle, 1);
            await feed.Telemetry([FleetFeed.Point(fleet.Device, 1), FleetFeed.Point(fleet.Device, 2)]);
            await WaitForState(harness, fleet.Vehicle, FleetFeed.BaseTime.AddSeconds(2));

            await feed.Company(new CompanyUpdated(fleet.OtherCompany, 1, "Beta Cargo", "basic", "UTC"));
            await feed.Driver(new DriverUpdated(fleet.OtherDriver, 1, fleet.OtherCompany, "Anna Smirnova", null));
            await feed.Vehicle(fleet.VehicleEvent(version: 2, driver: fleet.OtherDriver, company: fleet.OtherCompany));
            await WaitForVehicleVersion(harness, fleet.Vehicle, 2);
            await feed.Telemetry([FleetFeed.Point(fleet.Device, 3), FleetFeed.Point(fleet.Device, 4)]);

            var state = await WaitForState(harness, fleet.Vehicle, FleetFeed.BaseTime.AddSeconds(4));
            Assert.Equal((fleet.OtherCompany, fleet.OtherDriver), (state.GetProperty("companyId").GetString(), state.GetProperty("driverId").GetString()));
            var db = redis.Connection.GetDatabase();
            Assert.Null(await db.GeoPositionAsync(harness.KeyPrefix + "geo:company:" + fleet.Company, fleet.Vehicle));
            Assert.NotNull(await db.GeoPositionAsync(harness.KeyPrefix + "geo:company:" + fleet.OtherCompany, fleet.Vehicle));

            var positions = TopicReader.Positions(kafka.BootstrapServers, new HashSet<string> { fleet.Vehicle }, found => found.Count >= 4)
                .OrderBy(p => p.DeviceTime).ToList();
            Assert.Equal(
                [(fleet.Company, fleet.Driver, "pro"), (fleet.Company, fleet.Driver, "pro"), (fleet.OtherCompany, fleet.OtherDriver, "basic"), (fleet.OtherCompany, fleet.OtherDriver, "basic")],
                positions.Select(p => (p.CompanyId, p.DriverId, p.Tariff)));
            var history = await ProcessingHarness.HistoryAsync(host, fleet.Vehicle, 4);
            Assert.Equal([fleet.Company, fleet.Company, fleet.OtherCompany, fleet.OtherCompany], history.Select(h => h.CompanyId));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }
    }

    [Fact]
    public async Task Pipeline_DeviceMovedToAnotherVehicle_NextPointsBelongToTheNewVehicle()
    {
        var harness = new ProcessingHarness(kafka, redis, postgres, clickHouse);
        var fleet = new TestFleet();
        var newVehicle = fleet.Vehicle + "-b";
        using var feed = new FleetFeed(kafka.BootstrapServers);
        await fleet.SendAsync(feed);
        var host = await harness.StartAsync();
        try
        {
            await WaitForVehicleVersion(harness, fleet.Vehicle, 1);
            await feed.Telemetry(FleetFeed.Point(fleet.Device, 1));
            await WaitForState(harness, fleet.Vehicle, FleetFeed.BaseTime.AddSeconds(1));

            // The owning service moves the device: the new vehicle claims it, the old one lets it go.
            await feed.Vehicle(new VehicleUpdated(newVehicle, 1, fleet.Company, fleet.Device, "B777BB77", "Van 7", ["g-south"], null));
            await feed.Vehicle(fleet.VehicleEvent(version: 2) with { DeviceId = null });
            await WaitForVehicleVersion(harness, fleet.Vehicle, 2);
            await feed.Telemetry(FleetFeed.Point(fleet.Device, 2));

            var moved = await WaitForState(harness, newVehicle, FleetFeed.BaseTime.AddSeconds(2));
            Assert.Equal((fleet.Device, "B777BB77"), (moved.GetProperty("deviceId").GetString(), moved.GetProperty("plate").GetString()));
            Assert.Equal([1], (await ProcessingHarness.HistoryAsync(host, fleet.Vehicle, 1)).Select(h => (int)(h.DeviceTime - FleetFeed.BaseTime).TotalSeconds));
            Assert.Equal([2], (await ProcessingHarness.HistoryAsync(host, newVehicle, 1)).Select(h => (int)(h.DeviceTime - FleetFeed.BaseTime).TotalSeconds));
            Assert.Equal(newVehicle, (string?)await redis.Connection.GetDatabase().HashGetAsync(harness.KeyPrefix + "ref:device-vehicle", fleet.Device));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }
    }

    [Fact]
    public async Task Pipeline_DeviceBoundToNoVehicle_HistoryUnderDeviceOnlyNotPublished()
    {
        var harness = new ProcessingHarness(kafka, redis, postgres, clickHouse);
        var fleet = new TestFleet();
        using var feed = new FleetFeed(kafka.BootstrapServers);
        var host = await harness.StartAsync();
        try
        {
            await feed.Telemetry([FleetFeed.Point(fleet.Device, 1), FleetFeed.Point(fleet.Device, 2)]);

            var history = await ProcessingHarness.HistoryAsync(host, fleet.Device, 2, byDevice: true);
            Assert.Equal(2, history.Count);
            Assert.All(history, h => Assert.Equal(Fleet.History.HistoryRecord.UnboundVehicle, h.VehicleId));
            Assert.False(await redis.Connection.GetDatabase().HashExistsAsync(harness.KeyPrefix + "state", fleet.Vehicle));
            var published = TopicReader.Read(kafka.BootstrapServers, Fleet.Contracts.Topics.VehiclePositions,
                r => TopicReader.Position(r).DeviceId == fleet.Device, found => found.Count > 0, seconds: 3);
            Assert.Empty(published);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }
    }

    /// <summary>Waits until the cache holds the vehicle at this version and its company (topics are not ordered with each other).</summary>
    internal static async Task WaitForVehicleVersion(ProcessingHarness harness, string vehicleId, long version)
    {
        var db = harness.Redis.Connection.GetDatabase();
        var ready = await Eventually.Get(async () =>
        {
            var json = (string?)await db.HashGetAsync(harness.KeyPrefix + "ref:vehicles", vehicleId);
            var vehicle = json is null ? null : JsonSerializer.Deserialize(json, FleetJsonContext.Default.VehicleUpdated);
            return vehicle is not null && vehicle.Version >= version && await db.HashExistsAsync(harness.KeyPrefix + "ref:companies", vehicle.CompanyId);
        }, ready => ready);
        Assert.True(ready);
    }

    internal static async Task<JsonElement> WaitForState(ProcessingHarness harness, string vehicleId, DateTimeOffset deviceTime)
    {
        var expected = deviceTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var json = await Eventually.Get(
            async () => (string?)await harness.Redis.Connection.GetDatabase().HashGetAsync(harness.KeyPrefix + "state", vehicleId),
            v => v is not null && v.Contains(expected, StringComparison.Ordinal));
        Assert.NotNull(json);
        var state = JsonDocument.Parse(json).RootElement;
        Assert.Equal(expected, state.GetProperty("deviceTime").GetString());
        return state;
    }

    private async Task<(string, string, DateTimeOffset, string)> Snapshot(string vehicleId)
    {
        await using var command = postgres.DataSource.CreateCommand("SELECT device_id, company_id, device_time, status FROM vehicle_snapshot WHERE vehicle_id = @v");
        command.Parameters.AddWithValue("v", vehicleId);
        var row = await Eventually.Get(async () =>
        {
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            return await reader.ReadAsync(TestContext.Current.CancellationToken)
                ? (reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3))
                : default;
        }, r => r.Item1 is not null);
        return row;
    }
}
