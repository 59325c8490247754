using System.Globalization;
using Fleet.ServiceDefaults.ClickHouse;
using Fleet.ServiceDefaults.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fleet.Tests.Infrastructure;

/// <summary>The real test ClickHouse (Debian's 18.16 in CI) through the services' ClickHouse.Driver settings.</summary>
public sealed class ClickHouseClientTests(ClickHouseFixture clickhouse) : IClassFixture<ClickHouseFixture>
{
    [Fact]
    public async Task InsertBinary_ThenSelectTsv_ReturnsDeduplicatedRows()
    {
        var table = $"{clickhouse.Database}.points";
        // ReplacingMergeTree + FINAL: the deduplication the history store relies on, in syntax 18.16 accepts.
        await clickhouse.Client.ExecuteAsync(
            $"CREATE TABLE {table} (device_id String, time DateTime, lat Float64, lon Float64) " +
            "ENGINE = ReplacingMergeTree() PARTITION BY toYYYYMM(time) ORDER BY (device_id, time)", TestContext.Current.CancellationToken);
        var start = new DateTime(2026, 11, 26, 10, 0, 0, DateTimeKind.Utc);
        var rows = Enumerable.Range(0, 50).Select(i => new object[] { "dev-1", start.AddSeconds(i * 10), 55.75 + i * 1e-4, 37.61 }).ToList();
        var types = new Dictionary<string, string> { ["device_id"] = "String", ["time"] = "DateTime", ["lat"] = "Float64", ["lon"] = "Float64" };
        string[] columns = ["device_id", "time", "lat", "lon"];

        await clickhouse.Client.InsertBinaryAsync(table, columns, rows, FleetClickHouse.RowBinary(types), TestContext.Current.CancellationToken);
        // The same batch again, as after a crash between insert and Kafka commit.
        await clickhouse.Client.InsertBinaryAsync(table, columns, rows, FleetClickHouse.RowBinary(types), TestContext.Current.CancellationToken);

        var result = await clickhouse.Client.QueryTsvAsync($"SELECT count(), max(lat), toUnixTimestamp(min(time)) FROM {table} FINAL WHERE device_id = 'dev-1'", TestContext.Current.CancellationToken);
        var row = Assert.Single(result);
        Assert.Equal("50", row[0]);
        Assert.Equal(55.75 + 49 * 1e-4, double.Parse(row[1], CultureInfo.InvariantCulture), 9);
        Assert.Equal(new DateTimeOffset(start).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), row[2]);
    }

    [Fact]
    public async Task HealthCheck_ServerUp_Healthy()
    {
        using var http = new HttpClientFactoryStub();
        var check = new ClickHouseHealthCheck(http, clickhouse.ConnectionString);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status);
        var down = new ClickHouseHealthCheck(http, "Host=127.0.0.1;Port=1");
        Assert.Equal(HealthStatus.Unhealthy, (await down.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status);
    }
}
