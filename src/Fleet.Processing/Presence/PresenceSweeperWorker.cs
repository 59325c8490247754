using Fleet.Processing.Enrichment;
using Fleet.Processing.Options;
using Fleet.Processing.Sinks;
using Microsoft.Extensions.Options;

namespace Fleet.Processing.Presence;

/// <summary>Every few seconds takes devices past their deadline offline (safe to run in every instance).</summary>
internal sealed partial class PresenceSweeperWorker(PresenceTracker presence, ReferenceResolver resolver, ISnapshotStore snapshots,
    IOptions<ProcessingOptions> options, TimeProvider clock, ILogger<PresenceSweeperWorker> logger) : BackgroundService
{
    private const int BatchLimit = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Presence.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e);
            }
        }
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var due = await presence.DueAsync(BatchLimit);
        if (due.Count == 0)
        {
            return;
        }

        var contexts = await resolver.ResolveAsync(due);
        foreach (var deviceId in due)
        {
            var vehicleId = contexts.GetValueOrDefault(deviceId)?.Vehicle.Id;
            if (await presence.ExpireAsync(deviceId, vehicleId, cancellationToken) && vehicleId is not null)
            {
                await snapshots.MarkOfflineAsync(vehicleId, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence sweep failed; retrying on the next tick")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
