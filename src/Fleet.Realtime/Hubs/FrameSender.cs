using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Fleet.Realtime.Hubs;

/// <summary>
/// Every frame interval, sends each connection its pending <c>positions</c> and <c>left</c>. Sends are addressed by
/// connection id: the Redis backplane delivers them to the one instance that holds the connection (or writes
/// directly when it is local), so each client receives each update once.
/// </summary>
public sealed partial class FrameSender(
    FrameBuffer buffer,
    IHubContext<MapHub> hub,
    IOptions<RealtimeOptions> options,
    ILogger<FrameSender> logger) : BackgroundService
{
    public const string PositionsMethod = "positions";
    public const string LeftMethod = "left";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FrameInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var frames = buffer.TakeAll();
            if (frames.Count == 0)
            {
                continue;
            }

            var sends = new List<Task>(frames.Count * 2);
            foreach (var (connectionId, frame) in frames)
            {
                var client = hub.Clients.Client(connectionId);
                if (frame.Left.Count > 0)
                {
                    sends.Add(client.SendAsync(LeftMethod, frame.Left.ToArray(), stoppingToken));
                }

                if (frame.Positions.Count > 0)
                {
                    sends.Add(client.SendAsync(PositionsMethod, frame.Positions.Values.ToArray(), stoppingToken));
                }
            }

            try
            {
                await Task.WhenAll(sends);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSendFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending a map frame failed")]
    private static partial void LogSendFailed(ILogger logger, Exception exception);
}
