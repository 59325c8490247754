using Fleet.Processing.Options;
using Microsoft.Extensions.Options;

namespace Fleet.Processing.ReadModel;

/// <summary>Rebuilds the Redis cache when it disappears at run time (a flushed or replaced Redis), not only at start.</summary>
internal sealed partial class ReferenceCacheGuardWorker(ReferenceCacheRebuilder rebuilder, IOptions<ProcessingOptions> options,
    TimeProvider clock, ILogger<ReferenceCacheGuardWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CacheCheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await rebuilder.EnsureAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCheckFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reference cache check failed; retrying on the next tick")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
