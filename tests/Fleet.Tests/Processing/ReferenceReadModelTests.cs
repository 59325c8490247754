using System.Text;
using System.Text.Json;
using Fleet.Contracts;
using Fleet.Contracts.Events;
using Fleet.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Fleet.Tests.Processing;

/// <summary>company/driver/vehicle/device.updated → PostgreSQL read model (versioned, tombstones) and the Redis cache.</summary>
public sealed class ReferenceReadModelTests(KafkaFixture kafka, RedisFixture redis, PostgresFixture postgres, ClickHouseFixture clickHouse)
    : IClassFixture<KafkaFixture>, IClassFixture<RedisFixture>, IClassFixture<PostgresFixture>, IClassFixture<ClickHouseFixture>
{
    [Fact]
    public async Task VehicleUpdated_OlderOrEqualVersionAfterNewer_IsIgnoredInPostgresAndRedis()
    {
        var (harness, host) = await StartAsync();
        try
        {
            var fleet = new TestFleet();
            using var feed = new FleetFeed(kafka.BootstrapServers);
            await feed.Vehicle(fleet.VehicleEvent(version: 3) with { Name = "three" });
            await feed.Vehicle(fleet.VehicleEvent(version: 2) with { Name = "two" });
            await feed.Vehicle(fleet.VehicleEvent(version: 3) with { Name = "same version" });
            await MarkerAsync(feed);

            Assert.Equal((3L, "three"), await VehicleRowAsync(fleet.Vehicle));
            var cached = await CachedVehicleAsync(harness, fleet.Vehicle);
            Assert.Equal((3L, "three"), (cached!.Version, cached.Name));
            Assert.Equal(fleet.Vehicle, (string?)await redis.Connection.GetDatabase().HashGetAsync(harness.KeyPrefix + "ref:device-vehicle", fleet.Device));
        }
        finally
        {
            await StopAsync(host);
        }
    }

    [Fact]
    public async Task Tombstone_DeletesRemembersVersion_LateOlderEventCannotResurrectButNewerCan()
    {
        var (harness, host) = await StartAsync();
        try
        {
            var fleet = new TestFleet();
            using var feed = new FleetFeed(kafka.BootstrapServers);
            await feed.Vehicle(fleet.VehicleEvent(version: 5));
            await feed.Tombstone(Topics.VehicleUpdated, fleet.Vehicle);
            await feed.Vehicle(fleet.VehicleEvent(version: 4));
            await MarkerAsync(feed);

            Assert.Equal((0L, null), await VehicleRowAsync(fleet.Vehicle));
            Assert.Equal(5L, await ScalarAsync<long>("SELECT version FROM ref_tombstones WHERE kind = 'vehicle' AND id = @id", fleet.Vehicle));
            Assert.Null(await CachedVehicleAsync(harness, fleet.Vehicle));
            Assert.False(await redis.Connection.GetDatabase().HashExistsAsync(harness.KeyPrefix + "ref:device-vehicle", fleet.Device));

            await feed.Vehicle(fleet.VehicleEvent(version: 6) with { Name = "back" });
            await MarkerAsync(feed);
            Assert.Equal((6L, "back"), await VehicleRowAsync(fleet.Vehicle));
            Assert.Equal("back", (await CachedVehicleAsync(harness, fleet.Vehicle))?.Name);
        }
        finally
        {
            await StopAsync(host);
        }
    }

    [Fact]
    public async Task DeviceUpdated_WritesTrustHashAndAnnouncesChange_TombstoneRemovesField()
    {
        var (harness, host) = await StartAsync();
        try
        {
            var fleet = new TestFleet();
            var announced = new List<string>();
            await redis.Connection.GetSubscriber().SubscribeAsync(RedisChannel.Literal(harness.KeyPrefix + "devices:changes"), (_, m) =>
            {
                lock (announced)
                {
                    announced.Add(m.ToString());
                }
            });
            using var feed = new FleetFeed(kafka.BootstrapServers);
            await feed.Device(new DeviceUpdated(fleet.Device, 2, true, "ab12", "teltonika"));
            await MarkerAsync(feed, deviceTopic: true);

            var db = redis.Connection.GetDatabase();
            var trust = JsonDocument.Parse((string)(await db.HashGetAsync(harness.KeyPrefix + "devices", fleet.Device))!).RootElement;
            Assert.Equal((true, "ab12", 2L), (trust.GetProperty("enabled").GetBoolean(), trust.GetProperty("tokenSha256").GetString(), trust.GetProperty("version").GetInt64()));
            var heard = await Eventually.Get(() => Task.FromResult(Snapshot(announced)), a => a.Contains(fleet.Device));
            Assert.Contains(fleet.Device, heard);

            await feed.Tombstone(Topics.DeviceUpdated, fleet.Device);
            await MarkerAsync(feed, deviceTopic: true);
            Assert.False(await db.HashExistsAsync(harness.KeyPrefix + "devices", fleet.Device));
            Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM ref_devices WHERE id = @id", fleet.Device));
        }
        finally
        {
            await StopAsync(host);
        }
    }

    [Fact]
    public async Task BadJson_GoesToDeadLetterTopicWithReason_AndLaterEventsStillApply()
    {
        var (harness, host) = await StartAsync();
        try
        {
            var fleet = new TestFleet();
            using var feed = new FleetFeed(kafka.BootstrapServers);
            await feed.Raw(Topics.VehicleUpdated, fleet.Vehicle, "{\"id\": \"" + fleet.Vehicle + "\", \"version\": ");
            await feed.Vehicle(fleet.VehicleEvent(version: 1));
            await MarkerAsync(feed);

            Assert.Equal(1L, (await VehicleRowAsync(fleet.Vehicle)).Version);
            var dead = TopicReader.Read(kafka.BootstrapServers, Topics.VehicleUpdated + Topics.DeadLetterSuffix,
                r => r.Message.Key == fleet.Vehicle, found => found.Count > 0);
            var message = Assert.Single(dead);
            Assert.True(message.Message.Headers.TryGetLastBytes("reason", out var reason));
            Assert.StartsWith("bad JSON", Encoding.UTF8.GetString(reason), StringComparison.Ordinal);
        }
        finally
        {
            await StopAsync(host);
        }
    }

    [Fact]
    public async Task Cache_FlushedOrForeignGeneration_IsRebuiltFromPostgres()
    {
        var (harness, host) = await StartAsync();
        try
        {
            var fleet = new TestFleet();
            using var feed = new FleetFeed(kafka.BootstrapServers);
            await fleet.SendAsync(feed);
            await MarkerAsync(feed);
            await MarkerAsync(feed, deviceTopic: true);
            var db = redis.Connection.GetDatabase();
            var generation = (string?)await db.StringGetAsync(harness.KeyPrefix + "ref:generation");
            Assert.NotNull(generation);

            await db.KeyDeleteAsync([harness.KeyPrefix + "ref:vehicles", harness.KeyPrefix + "ref:device-vehicle", harness.KeyPrefix + "devices"]);
            await db.StringSetAsync(harness.KeyPrefix + "ref:generation", "0:someone-else");

            var rebuilt = await Eventually.Get(() => CachedVehicleAsync(harness, fleet.Vehicle), v => v is not null);
            Assert.Equal(fleet.Driver, rebuilt?.DriverId);
            Assert.Equal(generation, (string?)await db.StringGetAsync(harness.KeyPrefix + "ref:generation"));
            Assert.Equal(fleet.Vehicle, (string?)await db.HashGetAsync(harness.KeyPrefix + "ref:device-vehicle", fleet.Device));
            Assert.True(await db.HashExistsAsync(harness.KeyPrefix + "devices", fleet.Device));
        }
        finally
        {
            await StopAsync(host);
        }
    }

    private string _keyPrefix = "";

    private async Task<(ProcessingHarness, IHost)> StartAsync()
    {
        var harness = new ProcessingHarness(kafka, redis, postgres, clickHouse);
        _keyPrefix = harness.KeyPrefix;
        return (harness, await harness.StartAsync());
    }

    private static async Task StopAsync(IHost host)
    {
        await host.StopAsync(CancellationToken.None);
        host.Dispose();
    }

    /// <summary>
    /// Sends a marker after everything else on partition 0 of the same topic (order holds only within a partition) and
    /// waits until PostgreSQL has it: every earlier event of that topic is then fully handled.
    /// </summary>
    private async Task MarkerAsync(FleetFeed feed, bool deviceTopic = false)
    {
        var marker = TestServers.UniqueName("marker");
        if (deviceTopic)
        {
            await feed.Device(new DeviceUpdated(marker, 1, false, null, null));
        }
        else
        {
            await feed.Vehicle(new VehicleUpdated(marker, 1, "c-marker", null, null, null, null, null));
        }

        var table = deviceTopic ? "ref_devices" : "ref_vehicles";
        var count = await Eventually.Get(() => ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE id = @id", marker), c => c == 1);
        Assert.Equal(1L, count);
        // A batch is applied to PostgreSQL first, then copied to Redis in event order: the marker in Redis means every
        // earlier event is there too.
        var hash = _keyPrefix + (deviceTopic ? "devices" : "ref:vehicles");
        var cached = await Eventually.Get(() => redis.Connection.GetDatabase().HashExistsAsync(hash, marker), c => c);
        Assert.True(cached);
    }

    private async Task<(long Version, string? Name)> VehicleRowAsync(string id)
    {
        await using var command = postgres.DataSource.CreateCommand("SELECT version, name FROM ref_vehicles WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        return await reader.ReadAsync(TestContext.Current.CancellationToken) ? (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : (0L, null);
    }

    private async Task<T> ScalarAsync<T>(string sql, string id)
    {
        await using var command = postgres.DataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", id);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private async Task<VehicleUpdated?> CachedVehicleAsync(ProcessingHarness harness, string id)
    {
        var json = (string?)await redis.Connection.GetDatabase().HashGetAsync(harness.KeyPrefix + "ref:vehicles", id);
        return json is null ? null : JsonSerializer.Deserialize(json, FleetJsonContext.Default.VehicleUpdated);
    }

    private static List<string> Snapshot(List<string> items)
    {
        lock (items)
        {
            return [.. items];
        }
    }
}
