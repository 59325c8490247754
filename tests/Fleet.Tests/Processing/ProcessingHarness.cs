using Fleet.History;
using Fleet.Processing.Extensions;
using Fleet.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fleet.Tests.Processing;

/// <summary>
/// Hosts the real Processing pipeline (AddProcessingPipeline) against the test servers: the librdkafka mock cluster,
/// redis-server, PostgreSQL and ClickHouse. One harness = one Redis key space and one pair of consumer groups, so a
/// second host started from the same harness is "the same service restarted".
/// </summary>
internal sealed class ProcessingHarness(KafkaFixture kafka, RedisFixture redis, PostgresFixture postgres, ClickHouseFixture clickHouse)
{
    public string KeyPrefix { get; } = TestServers.UniqueName(redis.KeyPrefix + "p") + ":";

    public string TelemetryGroup { get; } = TestServers.UniqueName("telemetry");

    public string ReferenceGroup { get; } = TestServers.UniqueName("reference");

    public KafkaFixture Kafka => kafka;

    public RedisFixture Redis => redis;

    public PostgresFixture Postgres => postgres;

    /// <summary>Every stored history point of a vehicle (or, with <paramref name="byDevice"/>, of a device), once at least <paramref name="count"/> are there.</summary>
    public static async Task<IReadOnlyList<HistoryRecord>> HistoryAsync(IHost host, string id, int count, bool byDevice = false, int seconds = 30)
    {
        var store = host.Services.GetRequiredService<IHistoryStore>();
        var from = FleetFeed.BaseTime.AddDays(-1);
        var to = DateTimeOffset.UtcNow.AddDays(1);
        return await Eventually.Get(
            () => byDevice
                ? store.ReadDeviceAsync(id, from, to, TestContext.Current.CancellationToken)
                : store.ReadVehicleAsync(id, from, to, TestContext.Current.CancellationToken),
            rows => rows.Count >= count, seconds);
    }

    public async Task<IHost> StartAsync(Action<IServiceCollection>? configure = null, params (string Key, string Value)[] settings)
    {
        var host = Build(configure, settings);
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    /// <summary>The host, not started (to observe start-up itself).</summary>
    public IHost Build(Action<IServiceCollection>? configure = null, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:kafka"] = kafka.BootstrapServers,
            ["ConnectionStrings:redis"] = TestServers.Redis,
            ["ConnectionStrings:fleet"] = postgres.ConnectionString,
            ["ConnectionStrings:clickhouse"] = clickHouse.ConnectionString,
            ["Processing:KeyPrefix"] = KeyPrefix,
            ["Processing:TelemetryGroup"] = TelemetryGroup,
            ["Processing:ReferenceGroup"] = ReferenceGroup,
            ["Processing:MaxBatchAge"] = "00:00:00.100",
            ["Processing:RetryDelay"] = "00:00:00.200",
            ["Processing:CacheCheckInterval"] = "00:00:01",
            ["Kafka:Consumer:session.timeout.ms"] = "6000",
            ["Kafka:Consumer:heartbeat.interval.ms"] = "500",
            ["Kafka:Producer:linger.ms"] = "1",
        }.Concat(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))));
        builder.AddRedisClient("redis");
        builder.AddNpgsqlDataSource("fleet");
        builder.AddProcessingPipeline();
        configure?.Invoke(builder.Services);
        return builder.Build();
    }
}
