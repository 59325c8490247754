using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fleet.Processing.ReadModel;

/// <summary>
/// Health check <c>read-model</c> (tag <c>ready</c>): Unhealthy until the start-up rebuild of the Redis reference
/// cache from PostgreSQL has finished, and again while a run-time rebuild (a flushed Redis) runs, so /health does not
/// report ready while points would be enriched from a partial cache.
/// </summary>
internal sealed class ReadModelReadiness : IHealthCheck
{
    public const string Name = "read-model";

    private int _initialised;
    private int _rebuilding;

    public void Initialised() => Volatile.Write(ref _initialised, 1);

    public void RebuildStarted() => Interlocked.Increment(ref _rebuilding);

    public void RebuildFinished() => Interlocked.Decrement(ref _rebuilding);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Volatile.Read(ref _initialised) == 0
            ? HealthCheckResult.Unhealthy("Start-up: the Redis reference cache is being checked or rebuilt from PostgreSQL")
            : Volatile.Read(ref _rebuilding) > 0
                ? HealthCheckResult.Unhealthy("The Redis reference cache is being rebuilt from PostgreSQL")
                : HealthCheckResult.Healthy("Reference cache ready"));
}
