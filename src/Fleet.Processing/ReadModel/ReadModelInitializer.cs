using Fleet.Processing.Enrichment;
using Npgsql;

namespace Fleet.Processing.ReadModel;

/// <summary>
/// Runs before the consumers start (hosted services start in registration order): creates the read model tables,
/// subscribes to cache invalidations, and rebuilds Redis from PostgreSQL when it needs it, so no
/// telemetry is enriched from an empty or foreign cache. Until it has finished, <see cref="ReadModelReadiness"/> keeps
/// /health unhealthy (the web server answers before hosted services have started).
/// </summary>
internal sealed partial class ReadModelInitializer(NpgsqlDataSource dataSource, ReferenceResolver resolver,
    ReferenceCacheRebuilder rebuilder, ReadModelReadiness readiness, ILogger<ReadModelInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ReadModelSchema.CreateAsync(dataSource, cancellationToken);
                await resolver.SubscribeAsync();
                await rebuilder.EnsureAsync(cancellationToken);
                readiness.Initialised();
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && attempt < 30)
            {
                LogRetry(logger, e, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Read model initialisation failed (attempt {Attempt}); retrying")]
    private static partial void LogRetry(ILogger logger, Exception exception, int attempt);
}
