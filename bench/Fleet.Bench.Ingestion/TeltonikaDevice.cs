using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Fleet.Bench.Ingestion;

/// <summary>
/// One simulated tracker on its own TCP connection: IMEI login, then Codec 8 packets, each sent only after the
/// previous one's 4-byte ACK (a real device's behaviour: it keeps the data until the server confirms it).
/// </summary>
public sealed class TeltonikaDevice : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly int _number;
    private readonly byte[] _ack = new byte[4];

    private TeltonikaDevice(Socket socket, int number)
    {
        _socket = socket;
        _number = number;
    }

    /// <summary>Connects and logs in; null when the server refused or closed.</summary>
    public static async Task<TeltonikaDevice?> ConnectAsync(int port, int number, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
            await socket.SendAsync(Codec8Packet.Login(RawProduceBench.DeviceId(number)), cancellationToken);
            var reply = new byte[1];
            if (await ReceiveExactlyAsync(socket, reply, cancellationToken) && reply[0] == 1)
            {
                return new TeltonikaDevice(socket, number);
            }
        }
        catch (SocketException)
        {
        }

        socket.Dispose();
        return null;
    }

    /// <summary>Sends packets of <paramref name="records"/> until <paramref name="until"/> passes, pausing
    /// <paramref name="pause"/> between them; returns false when the connection broke (no ACK).</summary>
    public async Task<bool> ReportAsync(int records, TimeSpan pause, DateTime until, List<long> latencies, LoadCounters counters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(latencies);
        ArgumentNullException.ThrowIfNull(counters);
        while (DateTime.UtcNow < until && !cancellationToken.IsCancellationRequested)
        {
            var packet = Codec8Packet.Create(records, _number, DateTimeOffset.UtcNow);
            var sent = Stopwatch.GetTimestamp();
            try
            {
                await _socket.SendAsync(packet, cancellationToken);
                if (!await ReceiveExactlyAsync(_socket, _ack, cancellationToken))
                {
                    counters.Unacknowledged();
                    return false;
                }
            }
            catch (SocketException)
            {
                counters.Unacknowledged();
                return false;
            }

            latencies.Add(Stopwatch.GetTimestamp() - sent);
            counters.Acknowledged(BinaryPrimitives.ReadInt32BigEndian(_ack));
            if (pause > TimeSpan.Zero)
            {
                // The next packet would fall outside the measured window.
                if (DateTime.UtcNow + pause >= until)
                {
                    break;
                }

                await Task.Delay(pause, cancellationToken);
            }
        }

        return true;
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<bool> ReceiveExactlyAsync(Socket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }
}
