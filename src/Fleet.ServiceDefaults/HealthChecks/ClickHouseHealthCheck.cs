using Fleet.ServiceDefaults.ClickHouse;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fleet.ServiceDefaults.HealthChecks;

/// <summary>Healthy when ClickHouse answers <c>/ping</c> on its HTTP interface (every version since 2016 has it).</summary>
public sealed class ClickHouseHealthCheck(IHttpClientFactory httpClients, string connectionString) : IHealthCheck
{
    public const string HttpClientName = "clickhouse-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var endpoint = ClickHouseEndpoint.Parse(connectionString);
        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            var body = await client.GetStringAsync(new Uri(endpoint.BaseUri, "ping"), cancellationToken);
            return body.StartsWith("Ok.", StringComparison.Ordinal)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"unexpected /ping answer '{body.Trim()}'");
        }
        catch (HttpRequestException ex)
        {
            return HealthCheckResult.Unhealthy($"ClickHouse at {endpoint.BaseUri}: {ex.Message}", ex);
        }
    }
}
