using Fleet.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Fleet.Tests.Processing;

/// <summary>Health check <c>read-model</c>: not ready while the start-up cache rebuild from PostgreSQL runs.</summary>
public sealed class ReadModelReadinessTests(KafkaFixture kafka, RedisFixture redis, PostgresFixture postgres, ClickHouseFixture clickHouse)
    : IClassFixture<KafkaFixture>, IClassFixture<RedisFixture>, IClassFixture<PostgresFixture>, IClassFixture<ClickHouseFixture>
{
    // ReferenceLock's advisory lock key: holding it shared keeps the rebuild (exclusive) waiting, as a long rebuild would.
    private const long ReferenceLockKey = 7261002;

    [Fact]
    public async Task Readiness_StartupRebuildBlocked_UnhealthyUntilRebuildFinishesThenHealthy()
    {
        var ct = TestContext.Current.CancellationToken;
        var harness = new ProcessingHarness(kafka, redis, postgres, clickHouse);   // fresh key prefix: Redis needs a rebuild
        await using var blocker = new NpgsqlConnection(postgres.ConnectionString);
        await blocker.OpenAsync(ct);
        await ExecuteAsync(blocker, $"SELECT pg_advisory_lock_shared({ReferenceLockKey})");
        using var host = harness.Build();
        var health = host.Services.GetRequiredService<HealthCheckService>();
        var starting = host.StartAsync(ct);
        try
        {
            // The rebuild is waiting for the exclusive lock once PostgreSQL shows a second, ungranted advisory lock.
            await Eventually.Get(() => WaitingForLockAsync(blocker), waiting => waiting);
            Assert.True(await WaitingForLockAsync(blocker));
            Assert.False(starting.IsCompleted);
            Assert.Equal(HealthStatus.Unhealthy, (await ReadModelHealthAsync(health)).Status);
        }
        finally
        {
            await ExecuteAsync(blocker, $"SELECT pg_advisory_unlock_shared({ReferenceLockKey})");
        }

        await starting;
        var ready = await Eventually.Get(() => ReadModelHealthAsync(health), r => r.Status == HealthStatus.Healthy);
        Assert.Equal(HealthStatus.Healthy, ready.Status);
        await host.StopAsync(ct);
    }

    private static async Task<HealthReportEntry> ReadModelHealthAsync(HealthCheckService health)
    {
        var report = await health.CheckHealthAsync(r => r.Name == "read-model", TestContext.Current.CancellationToken);
        return report.Entries["read-model"];
    }

    private static async Task<bool> WaitingForLockAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = {ReferenceLockKey} AND NOT granted " +
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))! > 0;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
