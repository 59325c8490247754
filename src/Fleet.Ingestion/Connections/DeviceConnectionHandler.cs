using System.Buffers;
using Fleet.Ingestion.Diagnostics;
using Fleet.Ingestion.Protocols;
using Microsoft.AspNetCore.Connections;

namespace Fleet.Ingestion.Connections;

/// <summary>
/// Kestrel connection handler for one binary protocol: ReadAsync → while TryReadFrame → decode → process → reply,
/// AdvanceTo in finally (the MQTTnet/Bedrock loop). One frame at a time per connection, so a connection holds at
/// most one frame's worth of un-acknowledged data.
/// </summary>
public sealed class DeviceConnectionHandler<TProtocol>(
    TProtocol protocol,
    DeviceFrameProcessor processor,
    IngestionMetrics metrics,
    ILogger<DeviceConnectionHandler<TProtocol>> logger) : ConnectionHandler
    where TProtocol : IDeviceProtocol
{
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        metrics.ConnectionOpened(protocol.Name);
        Exception? failure = null;
        try
        {
            await RunAsync(connection).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectionResetException or IOException or OperationCanceledException or ConnectionAbortedException)
        {
            failure = ex;
        }
        finally
        {
            metrics.ConnectionClosed(protocol.Name);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                var remote = connection.RemoteEndPoint?.ToString();
                IngestionLog.ConnectionEnded(logger, protocol.Name, remote, failure);
            }
        }
    }

    private async Task RunAsync(ConnectionContext connection)
    {
        var input = connection.Transport.Input;
        var output = connection.Transport.Output;
        var token = connection.ConnectionClosed;
        var session = DeviceSession.Anonymous;
        while (true)
        {
            var read = await input.ReadAsync(token).ConfigureAwait(false);
            var buffer = read.Buffer;
            var close = false;
            try
            {
                while (!close && protocol.TryReadFrame(ref buffer, out var frame))
                {
                    var result = Decode(frame, session);
                    var outcome = await processor.ProcessAsync(protocol.Name, result, session, connection.RemoteEndPoint, token)
                        .ConfigureAwait(false);
                    session = outcome.Session;
                    close = outcome.Close;
                    if (outcome.Reply is { } reply)
                    {
                        await output.WriteAsync(reply, token).ConfigureAwait(false);
                    }
                }

                if (close || read.IsCompleted)
                {
                    return;
                }
            }
            finally
            {
                input.AdvanceTo(buffer.Start, buffer.End);
            }
        }
    }

    private DecodeResult Decode(ReadOnlySequence<byte> frame, DeviceSession session)
    {
        if (frame.IsSingleSegment)
        {
            return protocol.Decode(frame.FirstSpan, session);
        }

        // Frames are bounded by each protocol's framing; a rented copy keeps the decoder span-only.
        var length = checked((int)frame.Length);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            frame.CopyTo(rented);
            return protocol.Decode(rented.AsSpan(0, length), session);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
