using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fleet.ServiceDefaults.HealthChecks;

/// <summary>Healthy when a broker answers a metadata request within a second (the idea of Aspire's Kafka check).</summary>
public sealed class KafkaHealthCheck(string bootstrapServers) : IHealthCheck, IDisposable
{
    private readonly Lazy<IAdminClient> _admin = new(() => new AdminClientBuilder(new AdminClientConfig
    {
        BootstrapServers = bootstrapServers,
        SocketTimeoutMs = 1000,
    })
    // A down broker is this check's answer, not log noise: librdkafka would otherwise print every reconnect attempt.
    .SetLogHandler((_, _) => { })
    .SetErrorHandler((_, _) => { })
    .Build());

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var metadata = _admin.Value.GetMetadata(TimeSpan.FromSeconds(1));
            return Task.FromResult(metadata.Brokers.Count > 0
                ? HealthCheckResult.Healthy($"{metadata.Brokers.Count} broker(s)")
                : HealthCheckResult.Unhealthy("no broker in metadata"));
        }
        catch (KafkaException ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"Kafka at {bootstrapServers}: {ex.Error.Reason}", ex));
        }
    }

    public void Dispose()
    {
        if (_admin.IsValueCreated)
        {
            _admin.Value.Dispose();
        }
    }
}
