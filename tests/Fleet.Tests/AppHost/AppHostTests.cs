using Aspire.Hosting.Testing;

namespace Fleet.Tests.AppHost;

/// <summary>
/// The whole stack in local mode (redis-server, PostgreSQL, ClickHouse 18.16, the mock Kafka broker, four services),
/// on ports of its own so it never collides with the test servers or a running <c>./fleet up</c>.
/// </summary>
public sealed class AppHostTests
{
    private static readonly string[] Services = ["ingestion", "processing", "realtime", "trajectory"];

    [Fact]
    public async Task LocalMode_EveryServiceHealthy_AndEndpointsReportWritten()
    {
        var ct = TestContext.Current.CancellationToken;
        var state = Directory.CreateTempSubdirectory("fleet-apphost-").FullName;
        try
        {
            var endpointsFile = Path.Combine(state, "endpoints.env");
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Fleet_AppHost>(
            [
                "--Fleet:Infrastructure=Local",
                $"--Fleet:StateDir={state}",
                $"--Fleet:EndpointsFile={endpointsFile}",
                "--Fleet:Ports:Kafka=29092",
                "--Fleet:Ports:Redis=26379",
                "--Fleet:Ports:Postgres=25432",
                "--Fleet:Ports:ClickHouseHttp=28123",
                "--Fleet:Ports:ClickHouseTcp=29000",
                "--Fleet:Ports:Teltonika=25027",
                "--Fleet:Ports:Gt06=25023",
                "--Fleet:Ports:H02=25013",
                "--Fleet:Ports:Wialon=25039",
                "--Fleet:Ports:OsmAnd=25055",
                "--Fleet:Ports:Mqtt=21883",
            ], ct);
            await using var app = await builder.BuildAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(4));
            await app.StartAsync(timeout.Token);

            foreach (var service in Services)
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(service, timeout.Token);
                using var http = app.CreateHttpClient(service, "http");
                Assert.Equal("Healthy", await http.GetStringAsync(new Uri("/health", UriKind.Relative), timeout.Token));
                var openApi = await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), timeout.Token);
                Assert.Contains("\"openapi\"", openApi, StringComparison.Ordinal);
            }

            // The reporter writes the file once everything is healthy; give it a moment after the last service.
            for (var i = 0; i < 50 && !File.Exists(endpointsFile); i++)
            {
                await Task.Delay(200, timeout.Token);
            }

            var keys = File.ReadAllLines(endpointsFile).Select(l => l.Split('=', 2)[0]).ToHashSet();
            string[] expected = ["FLEET_DASHBOARD_URL", "FLEET_MAP_URL", "FLEET_INGEST_HOST", "FLEET_INGEST_HTTP_URL", "FLEET_REALTIME_URL",
                "FLEET_TRAJECTORY_URL", "FLEET_KAFKA_BOOTSTRAP", "FLEET_REDIS", "FLEET_POSTGRES", "FLEET_CLICKHOUSE_URL", "FLEET_ADMIN_TOKEN"];
            Assert.Subset(keys, expected.ToHashSet());
            Assert.Contains("FLEET_KAFKA_BOOTSTRAP='127.0.0.1:29092'", File.ReadAllText(endpointsFile), StringComparison.Ordinal);
            await app.StopAsync(CancellationToken.None);
        }
        finally
        {
            try
            {
                Directory.Delete(state, recursive: true);
            }
            catch (IOException)
            {
                // Servers may still be flushing files on the way down; a leftover temp folder is harmless.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
