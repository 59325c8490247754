using System.Text.Json;
using Confluent.Kafka;
using Fleet.Contracts;
using Fleet.Contracts.Events;
using Fleet.Tests.Infrastructure;

namespace Fleet.Tests.Processing;

/// <summary>online/offline from point arrival (any transport), announced once, and the map status follows.</summary>
public sealed class PresenceTests(KafkaFixture kafka, RedisFixture redis, PostgresFixture postgres, ClickHouseFixture clickHouse)
    : IClassFixture<KafkaFixture>, IClassFixture<RedisFixture>, IClassFixture<PostgresFixture>, IClassFixture<ClickHouseFixture>
{
    [Fact]
    public async Task Device_PointThenSilenceThenPoint_OnlineOfflineOnlineAndStatusFollows()
    {
        var harness = new ProcessingHarness(kafka, redis, postgres, clickHouse);
        var fleet = new TestFleet();
        using var feed = new FleetFeed(kafka.BootstrapServers);
        await fleet.SendAsync(feed);
        // Two instances sweep the same Redis: each transition must still be announced exactly once. The company timeout
        // (10 s) must exceed the produce-to-processing lag of a loaded CI machine: a point whose deadline has already
        // passed when it is processed is a replay and rightly never makes the device online.
        var settings = new[] { ("Processing:Presence:OfflineTimeout", "00:01:00"), ("Processing:Presence:CompanyOfflineTimeouts:" + fleet.Company, "00:00:10"),
            ("Processing:Presence:SweepInterval", "00:00:00.200") };
        var host = await harness.StartAsync(null, settings);
        var sweeper = await harness.StartAsync(null, settings);
        try
        {
            await ProcessingEnrichmentTests.WaitForVehicleVersion(harness, fleet.Vehicle, 1);
            await feed.Telemetry(FleetFeed.Point(fleet.Device, 1, speed: 50));
            var moving = await ProcessingEnrichmentTests.WaitForState(harness, fleet.Vehicle, FleetFeed.BaseTime.AddSeconds(1));
            Assert.Equal("moving", moving.GetProperty("status").GetString());

            var offline = await Eventually.Get(
                async () => (string?)await redis.Connection.GetDatabase().HashGetAsync(harness.KeyPrefix + "state", fleet.Vehicle),
                s => s?.Contains("\"status\":\"offline\"", StringComparison.Ordinal) == true, seconds: 60);
            Assert.Contains("\"status\":\"offline\"", offline, StringComparison.Ordinal);
            await using (var command = postgres.DataSource.CreateCommand("SELECT status FROM vehicle_snapshot WHERE vehicle_id = @v"))
            {
                command.Parameters.AddWithValue("v", fleet.Vehicle);
                var status = await Eventually.Get(async () => (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), s => s == "offline");
                Assert.Equal("offline", status);
            }

            await feed.Telemetry(FleetFeed.Point(fleet.Device, 2, speed: 0));
            var back = await ProcessingEnrichmentTests.WaitForState(harness, fleet.Vehicle, FleetFeed.BaseTime.AddSeconds(2));
            Assert.Equal("stopped", back.GetProperty("status").GetString());

            var events = TopicReader.Read(kafka.BootstrapServers, Topics.DeviceEvents, r => r.Message.Key == fleet.Device, found => found.Count > 4, seconds: 8)
                .Select(Event).ToList();
            // online, offline, online (and, 10 s after the last point, offline again): never the same transition twice,
            // although two instances sweep the same Redis.
            Assert.InRange(events.Count, 3, 4);
            Assert.Equal(new[] { DeviceEvent.Online, DeviceEvent.Offline, DeviceEvent.Online, DeviceEvent.Offline }[..events.Count], events.Select(e => e.Type));
            Assert.All(events, e => Assert.Equal(fleet.Device, e.DeviceId));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            await sweeper.StopAsync(CancellationToken.None);
            host.Dispose();
            sweeper.Dispose();
        }
    }

    private static DeviceEvent Event(ConsumeResult<string, byte[]> result) =>
        JsonSerializer.Deserialize(result.Message.Value, FleetJsonContext.Default.DeviceEvent)!;
}
