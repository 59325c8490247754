using System.Buffers;
using System.Globalization;
using System.Text;

namespace Fleet.Ingestion.Protocols.Wialon;

/// <summary>
/// Wialon IPS 1.1 and 2.0 over TCP: text frames "#type#body\r\n". The version is told by the frame itself
/// (v2.0 login has a version field, v2.0 data packets one extra crc16 field), so the session needs no state but the device id.
/// </summary>
public sealed class WialonProtocol : IDeviceProtocol
{
    /// <summary>Black box packets batch many records; 32 KiB holds a few hundred extended ones.</summary>
    public const int DefaultMaxFrameLength = 32 * 1024;

    private static ReadOnlySpan<byte> Terminator => "\r\n"u8;

    public WialonProtocol(int maxFrameLength = DefaultMaxFrameLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameLength, 16);
        MaxFrameLength = maxFrameLength;
    }

    public string Name => "wialon";

    /// <summary>Longest accepted frame, terminator excluded.</summary>
    public int MaxFrameLength { get; }

    public bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        // Search only as far as a frame may reach, so a peer that never sends CRLF costs bounded work.
        var window = buffer.Length > MaxFrameLength + Terminator.Length ? buffer.Slice(0, MaxFrameLength + Terminator.Length) : buffer;
        var reader = new SequenceReader<byte>(window);
        if (reader.TryReadTo(out ReadOnlySequence<byte> line, Terminator, advancePastDelimiter: true))
        {
            frame = line;
            buffer = buffer.Slice(reader.Position);
            return true;
        }

        if (buffer.Length >= MaxFrameLength + Terminator.Length)
        {
            // Can never become a frame: hand it to Decode (which rejects it and closes) instead of buffering forever.
            frame = buffer.Slice(0, MaxFrameLength + 1);
            buffer = buffer.Slice(MaxFrameLength + 1);
            return true;
        }

        frame = default;
        return false;
    }

    public DecodeResult Decode(ReadOnlySpan<byte> frame, DeviceSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (frame.Length > MaxFrameLength)
        {
            return DecodeResult.Rejected(
                string.Create(CultureInfo.InvariantCulture, $"frame longer than {MaxFrameLength} bytes without CRLF"), close: true);
        }

        if (!WialonMessage.TryParse(frame, out var message))
        {
            return DecodeResult.Rejected(frame.IsEmpty ? "empty frame" : "malformed frame: expected #type#body");
        }

        var type = message.Type;
        if (type.SequenceEqual("L"u8))
        {
            return WialonLoginDecoder.Decode(message.Body);
        }

        if (type.SequenceEqual("P"u8))
        {
            return new DecodeResult { Reply = WialonReplies.Answer("P", string.Empty) };
        }

        var isData = type.SequenceEqual("SD"u8) || type.SequenceEqual("D"u8) || type.SequenceEqual("B"u8);
        if (!isData)
        {
            return DecodeResult.Rejected("unsupported message type '" + Printable(type) + "'");
        }

        var sessionError = CheckSession(message.PrefixDeviceId, session);
        if (sessionError is not null)
        {
            return DecodeResult.Rejected(sessionError);
        }

        return type.SequenceEqual("B"u8)
            ? WialonBlackBoxDecoder.Decode(message.Body)
            : WialonDataDecoder.Decode(message.Body, extended: type.SequenceEqual("D"u8));
    }

    /// <summary>
    /// Data needs a login first. A device id before the first '#' (Wialon's UDP form) must be the logged-in one:
    /// on TCP it must not let one connection write another device's data.
    /// </summary>
    private static string? CheckSession(ReadOnlySpan<byte> prefixDeviceId, DeviceSession session)
    {
        if (session.DeviceId is null)
        {
            return "not logged in";
        }

        if (!prefixDeviceId.IsEmpty && !Encoding.ASCII.GetBytes(session.DeviceId).AsSpan().SequenceEqual(prefixDeviceId))
        {
            return "frame device id '" + Printable(prefixDeviceId) + "' differs from the logged-in one";
        }

        return null;
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder(Math.Min(bytes.Length, 16));
        foreach (var b in bytes[..Math.Min(bytes.Length, 16)])
        {
            builder.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        }

        return builder.ToString();
    }
}
