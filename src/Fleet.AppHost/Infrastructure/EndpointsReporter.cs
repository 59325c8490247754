using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fleet.AppHost.Infrastructure;

/// <summary>
/// Waits until every resource is healthy, then writes <c>.fleet/endpoints.env</c> and prints the same addresses
/// (CONTRACTS.md §5), so people, scripts and tests reach the local stack one way.
/// </summary>
internal sealed partial class EndpointsReporter(
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    EndpointsReportOptions options,
    IConfiguration configuration,
    ILogger<EndpointsReporter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Only the stack's own resources: Aspire adds helpers (dashboard, rebuilders) that never report healthy.
            foreach (var name in options.ResourceNames)
            {
                LogWaiting(logger, name);
                await notifications.WaitForResourceHealthyAsync(name, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var values = await CollectAsync(stoppingToken);
        var text = new StringBuilder();
        foreach (var (key, value) in values)
        {
            text.Append(CultureInfo.InvariantCulture, $"{key}={Quote(value)}\n");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(options.FilePath)!);
        await File.WriteAllTextAsync(options.FilePath, text.ToString(), stoppingToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(options.FilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var printable = string.Join('\n', values.Where(v => v.Key != "FLEET_ADMIN_TOKEN").Select(v => $"  {v.Key,-24} {v.Value}"));
        LogAllHealthy(logger, options.FilePath, printable);
    }

    private async Task<List<(string Key, string Value)>> CollectAsync(CancellationToken ct)
    {
        string Http(string resource) => model.Resources.OfType<ProjectResource>().First(r => r.Name == resource)
            .GetEndpoint("http").Url;

        var dashboard = (configuration["ASPNETCORE_URLS"] ?? "http://localhost:18888").Split(';')[0];
        // Aspire generates a browser token per run; the login URL carries it so the printed address just works.
        if (configuration["AppHost:BrowserToken"] is { Length: > 0 } token)
        {
            dashboard = $"{dashboard}/login?t={token}";
        }

        var infra = options.Infrastructure;
        var realtime = Http("realtime");
        var ingestionUri = new Uri(Http("ingestion"));
        return
        [
            ("FLEET_DASHBOARD_URL", dashboard),
            ("FLEET_MAP_URL", realtime + "/"),
            ("FLEET_INGEST_HOST", ingestionUri.Host),
            ("FLEET_INGEST_HTTP_URL", ingestionUri.GetLeftPart(UriPartial.Authority)),
            ("FLEET_REALTIME_URL", realtime),
            ("FLEET_TRAJECTORY_URL", Http("trajectory")),
            ("FLEET_KAFKA_BOOTSTRAP", await ResolveAsync(infra.Kafka, ct)),
            ("FLEET_REDIS", await ResolveAsync(infra.Redis, ct)),
            ("FLEET_POSTGRES", await ResolveAsync(infra.Postgres, ct)),
            ("FLEET_CLICKHOUSE_URL", ClickHouseUrl(await ResolveAsync(infra.ClickHouse, ct))),
            ("FLEET_ADMIN_TOKEN", DevTokens.Mint(options.SigningKeyHex, "dev-admin", [], admin: true, TimeSpan.FromDays(30))),
        ];
    }

    private static async Task<string> ResolveAsync(FleetConnection connection, CancellationToken ct) =>
        await connection.Value.GetValueAsync(ct) ?? "";

    private static string ClickHouseUrl(string connectionString)
    {
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        return $"http://{parts.GetValueOrDefault("Host", "127.0.0.1")}:{parts.GetValueOrDefault("Port", "8123")}";
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [LoggerMessage(Level = LogLevel.Debug, Message = "Waiting for {Resource} to be healthy")]
    private static partial void LogWaiting(ILogger logger, string resource);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fleet is up: all resources healthy. Endpoints written to {File}\n{Endpoints}")]
    private static partial void LogAllHealthy(ILogger logger, string file, string endpoints);
}
