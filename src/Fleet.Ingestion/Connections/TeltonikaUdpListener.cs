using System.Net;
using System.Net.Sockets;
using Fleet.Ingestion.Diagnostics;
using Fleet.Ingestion.Options;
using Fleet.Ingestion.Protocols;
using Fleet.Ingestion.Protocols.Teltonika;
using Microsoft.Extensions.Options;

namespace Fleet.Ingestion.Connections;

/// <summary>
/// Teltonika over UDP: every datagram names its IMEI and is acknowledged (0005 + packet id + 01 + AVL id + count)
/// only after its points are in Kafka. Datagrams are processed concurrently, bounded by the publisher's budget.
/// </summary>
public sealed class TeltonikaUdpListener(
    TeltonikaUdpDecoder decoder,
    DeviceFrameProcessor processor,
    IOptions<IngestionOptions> options,
    ILogger<TeltonikaUdpListener> logger) : BackgroundService
{
    private const string Protocol = "teltonika";
    private const int MaxConcurrentDatagrams = 256;
    private readonly SemaphoreSlim _concurrency = new(MaxConcurrentDatagrams);
    private Socket? _socket;

    /// <summary>The bound port (useful when configured as an ephemeral one in tests); 0 before start.</summary>
    public int Port => (_socket?.LocalEndPoint as IPEndPoint)?.Port ?? 0;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var port = options.Value.Ports.TeltonikaUdp;
        if (port <= 0)
        {
            return Task.CompletedTask;
        }

        try
        {
            var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp) { DualMode = true };
            socket.Bind(new IPEndPoint(IPAddress.IPv6Any, port));
            _socket = socket;
        }
        catch (SocketException ex)
        {
            // Another replica on this host may hold the port: TCP still works, so log and carry on.
            IngestionLog.ListenerFailed(logger, "teltonika-udp", port, ex);
            return Task.CompletedTask;
        }

        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _socket?.Dispose();
        _concurrency.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var socket = _socket!;
        var buffer = new byte[ushort.MaxValue];
        EndPoint any = new IPEndPoint(IPAddress.IPv6Any, 0);
        while (!stoppingToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                // ICMP port unreachable from an earlier reply surfaces here on some stacks; the socket is still fine.
                continue;
            }

            var datagram = buffer.AsSpan(0, received.ReceivedBytes).ToArray();
            await _concurrency.WaitAsync(stoppingToken).ConfigureAwait(false);
            _ = HandleAsync(socket, datagram, received.RemoteEndPoint, stoppingToken);
        }
    }

    private async Task HandleAsync(Socket socket, byte[] datagram, EndPoint remote, CancellationToken cancellationToken)
    {
        try
        {
            var result = decoder.Decode(datagram);
            var outcome = await processor.ProcessAsync(Protocol, result, DeviceSession.Anonymous, remote, cancellationToken).ConfigureAwait(false);
            if (outcome.Reply is { } reply)
            {
                await socket.SendToAsync(reply, SocketFlags.None, remote, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                var address = remote.ToString();
                IngestionLog.ConnectionEnded(logger, Protocol, address, ex);
            }
        }
        finally
        {
            _concurrency.Release();
        }
    }
}
