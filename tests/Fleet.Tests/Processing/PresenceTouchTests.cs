using System.Diagnostics.Metrics;
using Confluent.Kafka;
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

/// <summary>The presence touch (one ZADD GT per device) against the real Redis: deadlines only move forward.</summary>
public sealed class PresenceTouchTests(KafkaFixture kafka, RedisFixture redis) : IClassFixture<KafkaFixture>, IClassFixture<RedisFixture>
{
    [Fact]
    public async Task Touch_LaterThenEarlierArrival_DeadlineStaysAtTheLaterOne()
    {
        var now = DateTimeOffset.UtcNow;
        var options = MsOptions.Create(new ProcessingOptions { KeyPrefix = redis.KeyPrefix + "touch:" });
        var keys = new RedisKeys(options);
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = kafka.BootstrapServers }).Build();
        var tracker = new PresenceTracker(redis.Connection, keys, producer, new ProcessingMetrics(services.GetRequiredService<IMeterFactory>()),
            options, TimeProvider.System);

        await tracker.TouchAsync([Arrival("dev-a", now.AddSeconds(20))], CancellationToken.None);
        await tracker.TouchAsync([Arrival("dev-a", now.AddSeconds(5)), Arrival("dev-b", now.AddSeconds(5))], CancellationToken.None);

        var db = redis.Connection.GetDatabase();
        var timeout = options.Value.Presence.OfflineTimeout;
        Assert.Equal((now.AddSeconds(20) + timeout).ToUnixTimeMilliseconds(), (long)(await db.SortedSetScoreAsync(keys.PresenceDeadlines, "dev-a"))!);
        Assert.Equal((now.AddSeconds(5) + timeout).ToUnixTimeMilliseconds(), (long)(await db.SortedSetScoreAsync(keys.PresenceDeadlines, "dev-b"))!);

        await tracker.TouchAsync([Arrival("dev-a", now.AddSeconds(30))], CancellationToken.None);
        Assert.Equal((now.AddSeconds(30) + timeout).ToUnixTimeMilliseconds(), (long)(await db.SortedSetScoreAsync(keys.PresenceDeadlines, "dev-a"))!);
    }

    private static EnrichedPoint Arrival(string device, DateTimeOffset serverTime) => new(
        new TelemetryMessage { DeviceId = device, DeviceTimeMs = serverTime.ToUnixTimeMilliseconds(), ServerTimeMs = serverTime.ToUnixTimeMilliseconds() },
        new VehicleContext(new VehicleUpdated("v-" + device, 1, "c-1", device, null, null, [], null), null, null),
        null);
}
