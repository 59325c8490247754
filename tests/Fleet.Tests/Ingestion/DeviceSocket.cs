using System.Net;
using System.Net.Sockets;

namespace Fleet.Tests.Ingestion;

/// <summary>A device's TCP connection: send bytes, read the server's reply (or learn that it closed without one).</summary>
public sealed class DeviceSocket : IDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;

    private DeviceSocket(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<DeviceSocket> ConnectAsync(int port)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
        return new DeviceSocket(client);
    }

    public Task SendAsync(byte[] bytes) => _stream.WriteAsync(bytes, TestContext.Current.CancellationToken).AsTask();

    /// <summary>Reads exactly <paramref name="length"/> bytes; null when the server closed first (no reply).</summary>
    public async Task<byte[]?> ReceiveAsync(int length)
    {
        var buffer = new byte[length];
        var read = 0;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (read < length)
        {
            int n;
            try
            {
                n = await _stream.ReadAsync(buffer.AsMemory(read), timeout.Token);
            }
            catch (IOException)
            {
                return null; // reset by the server: closed without a reply
            }

            if (n == 0)
            {
                return null;
            }

            read += n;
        }

        return buffer;
    }

    /// <summary>Reads until CRLF (text protocols); null when the server closed first.</summary>
    public async Task<string?> ReceiveLineAsync()
    {
        var bytes = new List<byte>();
        while (!(bytes.Count >= 2 && bytes[^2] == '\r' && bytes[^1] == '\n'))
        {
            var one = await ReceiveAsync(1);
            if (one is null)
            {
                return null;
            }

            bytes.Add(one[0]);
        }

        return System.Text.Encoding.ASCII.GetString([.. bytes]);
    }

    /// <summary>True when the server closes the connection without sending another byte.</summary>
    public async Task<bool> ClosedWithoutReplyAsync() => await ReceiveAsync(1) is null;

    public void Dispose()
    {
        _stream.Dispose();
        _client.Dispose();
    }
}
