using Fleet.Realtime.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Fleet.Realtime.Hubs;

/// <summary>
/// Every frame interval, sends each connection its pending <c>positions</c> and <c>left</c>. Sends are addressed by
/// connection id: the Redis backplane delivers them to the one instance that holds the connection (or writes
/// directly when it is local), so each client receives each update once. A connection whose previous frame is still
/// being written gets its frame merged into the next one: one slow browser never delays the others.
/// </summary>
public sealed partial class FrameSender(
    FrameBuffer buffer,
    IHubContext<MapHub> hub,
    RealtimeMetrics metrics,
    IOptions<RealtimeOptions> options,
    ILogger<FrameSender> logger) : BackgroundService
{
    public const string PositionsMethod = "positions";
    public const string LeftMethod = "left";

    private readonly Dictionary<string, Task> _inFlight = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FrameInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            ForgetFinishedSends();
            foreach (var (connectionId, frame) in buffer.TakeAll())
            {
                if (_inFlight.ContainsKey(connectionId))
                {
                    buffer.Return(connectionId, frame);
                    continue;
                }

                _inFlight[connectionId] = SendAsync(connectionId, frame, stoppingToken);
            }
        }
    }

    private void ForgetFinishedSends()
    {
        foreach (var (connectionId, send) in _inFlight)
        {
            if (send.IsCompleted)
            {
                _inFlight.Remove(connectionId);
            }
        }
    }

    private async Task SendAsync(string connectionId, PendingFrame frame, CancellationToken stoppingToken)
    {
        try
        {
            metrics.FrameSent(frame.FirstUpdateTimestamp);
            var client = hub.Clients.Client(connectionId);
            if (frame.Left.Count > 0)
            {
                await client.SendAsync(LeftMethod, frame.Left.ToArray(), stoppingToken);
            }

            if (frame.Positions.Count > 0)
            {
                await client.SendAsync(PositionsMethod, frame.Positions.Values.ToArray(), stoppingToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending a map frame failed")]
    private static partial void LogSendFailed(ILogger logger, Exception exception);
}
