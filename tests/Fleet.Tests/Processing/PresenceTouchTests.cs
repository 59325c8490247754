using System.Diagnostics.Metrics;
using System.Text.Json;
using Confluent.Kafka;
using Fleet.Contracts;
using Fleet.Contracts.Events;
using Fleet.Contracts.Telemetry;
using Fleet.Processing.Diagnostics;
using Fleet.Processing.Enrichment;
using Fleet.Processing.Options;
using Fleet.Processing.Presence;
using Fleet.Processing.Sinks;
using Fleet.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Fleet.Tests.Processing;

/// <summary>
/// The presence touch (one ZADD GT per device) against the real Redis: deadlines only move forward, are stored with the
/// write slack, and a point the stored deadline already covers is not written again.
/// </summary>
public sealed class PresenceTouchTests(KafkaFixture kafka, RedisFixture redis) : IClassFixture<KafkaFixture>, IClassFixture<RedisFixture>, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Touch_LaterThenEarlierArrival_DeadlineStaysAtTheLaterOne()
    {
        var now = DateTimeOffset.UtcNow;
        var (tracker, keys, producer) = Create("order:", TimeSpan.Zero, TimeProvider.System);
        using var _ = producer;

        await tracker.TouchAsync([Arrival("dev-a", now.AddSeconds(20))], CancellationToken.None);
        await tracker.TouchAsync([Arrival("dev-a", now.AddSeconds(5)), Arrival("dev-b", now.AddSeconds(5))], CancellationToken.None);

        Assert.Equal((now.AddSeconds(20) + Timeout).ToUnixTimeMilliseconds(), await Score(keys, "dev-a"));
        Assert.Equal((now.AddSeconds(5) + Timeout).ToUnixTimeMilliseconds(), await Score(keys, "dev-b"));

        await tracker.TouchAsync([Arrival("dev-a", now.AddSeconds(30))], CancellationToken.None);
        Assert.Equal((now.AddSeconds(30) + Timeout).ToUnixTimeMilliseconds(), await Score(keys, "dev-a"));
    }

    [Fact]
    public async Task Touch_ArrivalsWithinSlack_WrittenOnlyWhenTheStoredDeadlineNoLongerCoversThem()
    {
        var now = DateTimeOffset.UtcNow;
        var slack = TimeSpan.FromSeconds(5);
        var (tracker, keys, producer) = Create("slack:", slack, TimeProvider.System);
        using var _ = producer;

        await tracker.TouchAsync([Arrival("dev-a", now)], CancellationToken.None);
        var first = (now + Timeout + slack).ToUnixTimeMilliseconds();
        Assert.Equal(first, await Score(keys, "dev-a"));

        // 3 s later: still covered (first ≥ arrival + timeout), so not written — ZADD GT would have raised it.
        await tracker.TouchAsync([Arrival("dev-a", now.AddSeconds(3))], CancellationToken.None);
        Assert.Equal(first, await Score(keys, "dev-a"));
        Assert.True(first >= (now.AddSeconds(3) + Timeout).ToUnixTimeMilliseconds());

        // 6 s later: the stored deadline would be early, so it is written.
        await tracker.TouchAsync([Arrival("dev-a", now.AddSeconds(6))], CancellationToken.None);
        Assert.Equal((now.AddSeconds(6) + Timeout + slack).ToUnixTimeMilliseconds(), await Score(keys, "dev-a"));
    }

    [Fact]
    public async Task Expire_DeviceSilentPastItsDeadline_OfflineAtDueTimeThenNextPointOnlineAgain()
    {
        // Whole milliseconds: deadlines are stored and announced in ms.
        var start = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var slack = TimeSpan.FromSeconds(5);
        var clock = new ManualClock(start);
        var device = "dev-" + Guid.NewGuid().ToString("N")[..8];
        var (tracker, keys, producer) = Create("expire:", slack, clock);
        using var _ = producer;

        await tracker.TouchAsync([Arrival(device, start)], CancellationToken.None);
        await tracker.TouchAsync([Arrival(device, start.AddSeconds(2))], CancellationToken.None);   // covered: not written
        clock.Now = start + Timeout + TimeSpan.FromSeconds(4);
        Assert.Empty(await tracker.DueAsync(1000));   // due (arrival + timeout) has passed, the slack has not
        clock.Now = start + Timeout + slack;
        Assert.Contains(device, await tracker.DueAsync(1000));
        Assert.True(await tracker.ExpireAsync(device, null, CancellationToken.None));
        Assert.Null(await Score(keys, device));

        clock.Now = start + Timeout + slack + TimeSpan.FromSeconds(1);
        await tracker.TouchAsync([Arrival(device, clock.Now)], CancellationToken.None);
        Assert.Equal((clock.Now + Timeout + slack).ToUnixTimeMilliseconds(), await Score(keys, device));

        var events = TopicReader.Read(kafka.BootstrapServers, Topics.DeviceEvents, r => r.Message.Key == device, found => found.Count >= 3)
            .Select(r => JsonSerializer.Deserialize(r.Message.Value, FleetJsonContext.Default.DeviceEvent)!).ToList();
        Assert.Equal([DeviceEvent.Online, DeviceEvent.Offline, DeviceEvent.Online], events.Select(e => e.Type));
        // Announced at the last written arrival + timeout, not with the slack.
        Assert.Equal(start + Timeout, events[1].Time);
    }

    private (PresenceTracker Tracker, RedisKeys Keys, IProducer<string, byte[]> Producer) Create(string prefix, TimeSpan slack, TimeProvider clock)
    {
        var options = MsOptions.Create(new ProcessingOptions
        {
            KeyPrefix = redis.KeyPrefix + prefix,
            Presence = new PresenceOptions { OfflineTimeout = Timeout, WriteSlack = slack },
        });
        var keys = new RedisKeys(options);
        var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = kafka.BootstrapServers }).Build();
        var tracker = new PresenceTracker(redis.Connection, keys, producer, new ProcessingMetrics(_services.GetRequiredService<IMeterFactory>()),
            options, clock);
        return (tracker, keys, producer);
    }

    private async Task<long?> Score(RedisKeys keys, string device) =>
        (long?)await redis.Connection.GetDatabase().SortedSetScoreAsync(keys.PresenceDeadlines, device);

    private static EnrichedPoint Arrival(string device, DateTimeOffset serverTime) => new(
        new TelemetryMessage { DeviceId = device, DeviceTimeMs = serverTime.ToUnixTimeMilliseconds(), ServerTimeMs = serverTime.ToUnixTimeMilliseconds() },
        new VehicleContext(new VehicleUpdated("v-" + device, 1, "c-1", device, null, null, [], null), null, null),
        null);
}
