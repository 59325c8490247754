using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fleet.History;

/// <summary>
/// Runs the idempotent history migration before the host serves traffic. Retries for a while because the database
/// may still be starting next to the service (local stack, container restarts).
/// </summary>
internal sealed partial class HistoryMigrationService(
    IHistoryStore store, IOptions<HistoryStoreOptions> options, ILogger<HistoryMigrationService> logger) : IHostedService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private const int Attempts = 30;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStart)
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.MigrateAsync(cancellationToken);
                LogMigrated(logger, options.Value.Store, options.Value.Table);
                return;
            }
            catch (Exception ex) when (attempt < Attempts && !cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
            {
                LogRetry(logger, ex, attempt);
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "History store {Store} ready (table {Table})")]
    private static partial void LogMigrated(ILogger logger, HistoryStoreKind store, string table);

    [LoggerMessage(Level = LogLevel.Warning, Message = "History migration attempt {Attempt} failed; retrying")]
    private static partial void LogRetry(ILogger logger, Exception exception, int attempt);
}
