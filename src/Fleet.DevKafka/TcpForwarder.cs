using System.Net;
using System.Net.Sockets;

namespace Fleet.DevKafka;

/// <summary>
/// Listens on a fixed loopback port and pipes every connection to a mock broker's ephemeral port, so outside tools
/// (kcat, the owning services) have one documented bootstrap address.
/// </summary>
public sealed partial class TcpForwarder(IPEndPoint listen, IPEndPoint target, ILogger logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TcpListener _listener = new(listen);
    private Task _acceptLoop = Task.CompletedTask;

    public void Start()
    {
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _acceptLoop = AcceptAsync(_stop.Token);
    }

    private async Task AcceptAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(ct);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = PipeAsync(client, ct);
        }
    }

    private async Task PipeAsync(Socket client, CancellationToken ct)
    {
        using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using (client)
        {
            client.NoDelay = true;
            try
            {
                await upstream.ConnectAsync(target, ct);
                await using var a = new NetworkStream(client, ownsSocket: false);
                await using var b = new NetworkStream(upstream, ownsSocket: false);
                // Whichever side closes first ends both directions.
                await Task.WhenAny(a.CopyToAsync(b, ct), b.CopyToAsync(a, ct));
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                LogConnectionEnded(logger, listen.Port, ex.Message);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Forwarded connection on port {Port} ended: {Reason}")]
    private static partial void LogConnectionEnded(ILogger logger, int port, string reason);
}
