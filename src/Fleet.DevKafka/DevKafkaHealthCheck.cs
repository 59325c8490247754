using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fleet.DevKafka;

/// <summary>Healthy once the cluster and its forwarders are up.</summary>
internal sealed class DevKafkaHealthCheck(DevKafkaHost host) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(host.BootstrapServers is { } b ? HealthCheckResult.Healthy(b) : HealthCheckResult.Unhealthy("starting"));
}
