using System.Text;
using System.Text.Json;
using Fleet.Contracts;
using Fleet.Contracts.Telemetry;
using Fleet.Processing.Sinks;
using Fleet.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fleet.Tests.Processing;

/// <summary>Nothing lost, nothing twice: restarts, crashes before commit, reordering and repeats, poison messages.</summary>
public sealed class ProcessingDeliveryTests(KafkaFixture kafka, RedisFixture redis, PostgresFixture postgres, ClickHouseFixture clickHouse)
    : IClassFixture<KafkaFixture>, IClassFixture<RedisFixture>, IClassFixture<PostgresFixture>, IClassFixture<ClickHouseFixture>
{
    [Fact]
    public async Task Restart_WithEmptyRedis_RebuildsCacheFromPostgresAndEnrichesWithoutNewReferenceEvents()
    {
        var harness = new ProcessingHarness(kafka, redis, postgres, clickHouse);
        var fleet = new TestFleet();
        using var feed = new FleetFeed(kafka.BootstrapServers);
        await fleet.SendAsync(feed);
        var first = await harness.StartAsync();
        await ProcessingEnrichmentTests.WaitForVehicleVersion(harness, fleet.Vehicle, 1);
        var db = redis.Connection.GetDatabase();
        await Eventually.Get(async () => await db.HashExistsAsync(harness.KeyPrefix + "devices", fleet.Device), e => e);
        await first.StopAsync(CancellationToken.None);
        first.Dispose();

        var server = redis.Connection.GetServers()[0];
        await foreach (var key in server.KeysAsync(pattern: harness.KeyPrefix + "*"))
        {
            await db.KeyDeleteAsync(key);
        }

        var second = await harness.StartAsync();
        try
        {
            // Start-up returned: the cache is back before any consumer ran, from PostgreSQL alone.
            Assert.True(await db.HashExistsAsync(harness.KeyPrefix + "ref:vehicles", fleet.Vehicle));
            Assert.True(await db.KeyExistsAsync(harness.KeyPrefix + "ref:generation"));
            await feed.Telemetry(FleetFeed.Point(fleet.Device, 1));

            var state = await ProcessingEnrichmentTests.WaitForState(harness, fleet.Vehicle, FleetFeed.BaseTime.AddSeconds(1));
            Assert.Equal((fleet.Company, fleet.Driver), (state.GetProperty("companyId").GetString(), state.GetProperty("driverId").GetString()));
        }
        finally
        {
            await second.StopAsync(CancellationToken.None);
            second.Dispose();
        }
    }

    [Fact]
    public async Task ShuffledStreamWithRepeats_GivesSameHistoryStateAndSnapshotAsOrderedStream()
    {
        var harness = new ProcessingHarness(kafka, redis, postgres, clickHouse);
        var ordered = new TestFleet();
        var shuffled = new TestFleet();
        using var feed = new FleetFeed(kafka.BootstrapServers);
        await ordered.SendAsync(feed);
        await shuffled.SendAsync(feed);
        var host = await harness.StartAsync();
        try
        {
            await ProcessingEnrichmentTests.WaitForVehicleVersion(harness, ordered.Vehicle, 1);
            await ProcessingEnrichmentTests.WaitForVehicleVersion(harness, shuffled.Vehicle, 1);
            const int count = 60;
            await feed.Telemetry(Enumerable.Range(1, count).Select(s => FleetFeed.Point(ordered.Device, s, speed: s % 7)));

            var random = new Random(42);
            var stream = Enumerable.Range(1, count).Concat(Enumerable.Range(1, count).Where(_ => random.Next(3) == 0)).ToArray();
            random.Shuffle(stream);
            // Several chunks, so reordering and repeats also cross batch boundaries.
            foreach (var chunk in stream.Chunk(20))
            {
                await feed.Telemetry(chunk.Select(s => FleetFeed.Point(shuffled.Device, s, speed: s % 7)));
                await Task.Delay(250, TestContext.Current.CancellationToken);
            }

            var orderedHistory = await ProcessingHarness.HistoryAsync(host, ordered.Vehicle, count);
            var shuffledHistory = await ProcessingHarness.HistoryAsync(host, shuffled.Vehicle, count);
            Assert.Equal(count, shuffledHistory.Count);
            Assert.Equal(orderedHistory.Select(Shape), shuffledHistory.Select(Shape));

            var last = FleetFeed.BaseTime.AddSeconds(count);
            var orderedState = await ProcessingEnrichmentTests.WaitForState(harness, ordered.Vehicle, last);
            var shuffledState = await ProcessingEnrichmentTests.WaitForState(harness, shuffled.Vehicle, last);
            Assert.Equal(StateShape(orderedState), StateShape(shuffledState));
            Assert.Equal(await SnapshotAsync(ordered.Vehicle), await SnapshotAsync(shuffled.Vehicle));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }
    }

    [Fact]
    public async Task CrashBetweenSideEffectsAndCommit_RestartInSameGroup_NoPointLostNoneStoredTwice()
    {
        var harness = new ProcessingHarness(kafka, redis, postgres, clickHouse);
        var fleet = new TestFleet();
        using var feed = new FleetFeed(kafka.BootstrapServers);
        await fleet.SendAsync(feed);
        HangingPositionPublisher? hanging = null;
        var crashing = await harness.StartAsync(services => services.AddSingleton<IPositionPublisher>(sp =>
            hanging = new HangingPositionPublisher(ActivatorUtilities.CreateInstance<KafkaPositionPublisher>(sp), hangFrom: 3)),
            ("Processing:MaxBatchSize", "10"));
        await ProcessingEnrichmentTests.WaitForVehicleVersion(harness, fleet.Vehicle, 1);
        const int count = 50;
        await feed.Telemetry(Enumerable.Range(1, count).Select(s => FleetFeed.Point(fleet.Device, s)));

        // The third batch hangs in publish after history/state were written: "crash" there, before its commit.
        await Eventually.Get(() => Task.FromResult(hanging?.Calls ?? 0), calls => calls >= 3);
        Assert.True(hanging!.Calls >= 3);
        await crashing.StopAsync(CancellationToken.None);
        crashing.Dispose();

        var restarted = await harness.StartAsync();
        try
        {
            var history = await ProcessingHarness.HistoryAsync(restarted, fleet.Vehicle, count);
            await ProcessingEnrichmentTests.WaitForState(harness, fleet.Vehicle, FleetFeed.BaseTime.AddSeconds(count));
            // Give a replayed duplicate the chance to show up before counting.
            var settled = await ProcessingHarness.HistoryAsync(restarted, fleet.Vehicle, count + 1, seconds: 3);
            Assert.Equal(Enumerable.Range(1, count), settled.Select(h => (int)(h.DeviceTime - FleetFeed.BaseTime).TotalSeconds));
            Assert.Equal(count, history.Count);
            Assert.Equal(FleetFeed.BaseTime.AddSeconds(count), (await SnapshotAsync(fleet.Vehicle)).DeviceTime);

            var published = TopicReader.Positions(kafka.BootstrapServers, new HashSet<string> { fleet.Vehicle },
                found => found.Select(p => p.DeviceTime).Distinct().Count() >= count);
            Assert.Equal(count, published.Select(p => p.DeviceTime).Distinct().Count());
        }
        finally
        {
            await restarted.StopAsync(CancellationToken.None);
            restarted.Dispose();
        }
    }

    [Fact]
    public async Task CrashBetweenPublishAndCommit_Restart_PositionsAtLeastOnceNoneLost()
    {
        var harness = new ProcessingHarness(kafka, redis, postgres, clickHouse);
        var fleet = new TestFleet();
        using var feed = new FleetFeed(kafka.BootstrapServers);
        await fleet.SendAsync(feed);
        HangingPositionPublisher? hanging = null;
        var crashing = await harness.StartAsync(services => services.AddSingleton<IPositionPublisher>(sp =>
            hanging = new HangingPositionPublisher(ActivatorUtilities.CreateInstance<KafkaPositionPublisher>(sp), hangFrom: 2, afterPublish: true)),
            ("Processing:MaxBatchSize", "10"));
        await ProcessingEnrichmentTests.WaitForVehicleVersion(harness, fleet.Vehicle, 1);
        const int count = 30;
        await feed.Telemetry(Enumerable.Range(1, count).Select(s => FleetFeed.Point(fleet.Device, s)));

        // The second batch is in vehicle.positions but never committed: "crash" there.
        await Eventually.Get(() => Task.FromResult(hanging?.Calls ?? 0), calls => calls >= 2);
        Assert.True(hanging!.Calls >= 2);
        await crashing.StopAsync(CancellationToken.None);
        crashing.Dispose();

        var restarted = await harness.StartAsync();
        try
        {
            await ProcessingHarness.HistoryAsync(restarted, fleet.Vehicle, count);
            var published = TopicReader.Positions(kafka.BootstrapServers, new HashSet<string> { fleet.Vehicle },
                found => found.Select(p => p.DeviceTime).Distinct().Count() >= count);
            // Every point is published; the replayed batch may repeat some (consumers dedupe by vehicle and device time).
            Assert.Equal(count, published.Select(p => p.DeviceTime).Distinct().Count());
        }
        finally
        {
            await restarted.StopAsync(CancellationToken.None);
            restarted.Dispose();
        }
    }

    [Fact]
    public async Task PoisonTelemetry_GoesToDeadLetterTopicWithReason_AndTheStreamGoesOn()
    {
        var harness = new ProcessingHarness(kafka, redis, postgres, clickHouse);
        var fleet = new TestFleet();
        using var feed = new FleetFeed(kafka.BootstrapServers);
        await fleet.SendAsync(feed);
        var host = await harness.StartAsync();
        try
        {
            await ProcessingEnrichmentTests.WaitForVehicleVersion(harness, fleet.Vehicle, 1);
            await feed.Raw(Topics.TelemetryRaw, fleet.Device, "\u00ff\u00ff not protobuf");
            await feed.Telemetry(new TelemetryMessage { DeviceTimeMs = 1, Lat = 1, Lon = 1 });   // no device id
            await feed.Telemetry(FleetFeed.Point(fleet.Device, 1));

            await ProcessingEnrichmentTests.WaitForState(harness, fleet.Vehicle, FleetFeed.BaseTime.AddSeconds(1));
            var dead = TopicReader.Read(kafka.BootstrapServers, Topics.TelemetryRaw + Topics.DeadLetterSuffix,
                r => r.Message.Key == fleet.Device || r.Message.Key == "", found => found.Count >= 2);
            Assert.Equal(2, dead.Count);
            Assert.All(dead, d => Assert.True(d.Message.Headers.TryGetLastBytes("reason", out _)));
            Assert.Contains(dead, d => d.Message.Headers.TryGetLastBytes("reason", out var r) && Encoding.UTF8.GetString(r) == "no device id");
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }
    }

    private static (long, double, double, bool?) Shape(Fleet.History.HistoryRecord r) =>
        (r.DeviceTime.ToUnixTimeMilliseconds(), r.Lat, r.Lon, r.Ignition);

    private static (string?, double, double, string?, string?) StateShape(JsonElement s) => (s.GetProperty("deviceTime").GetString(),
        s.GetProperty("lat").GetDouble(), s.GetProperty("lon").GetDouble(), s.GetProperty("status").GetString(), s.GetProperty("plate").GetString());

    private async Task<(DateTimeOffset DeviceTime, double Lat, double Lon, string Status)> SnapshotAsync(string vehicleId)
    {
        await using var command = postgres.DataSource.CreateCommand("SELECT device_time, lat, lon, status FROM vehicle_snapshot WHERE vehicle_id = @v");
        command.Parameters.AddWithValue("v", vehicleId);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        return (reader.GetFieldValue<DateTimeOffset>(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetString(3));
    }
}
