using Fleet.Ingestion.Devices;
using Fleet.Ingestion.Diagnostics;
using Fleet.Ingestion.Options;
using Fleet.Ingestion.Pipeline;
using Microsoft.Extensions.Options;

namespace Fleet.Ingestion.Apis;

/// <summary>What the HTTP handlers need, bundled for <c>[AsParameters]</c> (eShop's OrderServices shape).</summary>
public sealed class IngestionHttpServices(
    DeviceRegistry registry,
    DeviceRateLimiter rateLimiter,
    FirstSeenNotifier firstSeen,
    TelemetryPublisher publisher,
    IngestionMetrics metrics,
    TimeProvider clock,
    IOptions<IngestionOptions> options,
    ILogger<IngestionHttpServices> logger)
{
    public DeviceRegistry Registry { get; } = registry;

    public DeviceRateLimiter RateLimiter { get; } = rateLimiter;

    public FirstSeenNotifier FirstSeen { get; } = firstSeen;

    public TelemetryPublisher Publisher { get; } = publisher;

    public IngestionMetrics Metrics { get; } = metrics;

    public TimeProvider Clock { get; } = clock;

    public IngestionOptions Options { get; } = options.Value;

    public ILogger Logger { get; } = logger;
}
