using System.Buffers;

namespace Fleet.Ingestion.Protocols;

/// <summary>A stream protocol: framing plus a pure decoder. Stateless and thread-safe; no I/O, no DI, no clock.</summary>
public interface IDeviceProtocol
{
    /// <summary>Short lower-case protocol name used in metrics and on the Kafka message ("teltonika", "gt06", ...).</summary>
    string Name { get; }

    /// <summary>
    /// Framing only. On a complete frame: sets <paramref name="frame"/> and advances <paramref name="buffer"/> past it
    /// and returns true. On an incomplete frame returns false and leaves <paramref name="buffer"/> untouched.
    /// Garbage that can never become a frame (e.g. bytes before a start marker, a length above the protocol maximum)
    /// is returned as a frame too, so Decode can reject it with a counted reason; the buffer must never grow without bound.
    /// </summary>
    bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame);

    /// <summary>
    /// Decode one frame. <paramref name="session"/> is the connection's state (device id after login); the decoder
    /// returns a new login id in the result instead of mutating anything.
    /// </summary>
    DecodeResult Decode(ReadOnlySpan<byte> frame, DeviceSession session);
}
