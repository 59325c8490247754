namespace Fleet.Ingestion.Protocols;

/// <summary>The outcome of decoding one frame: values, never exceptions.</summary>
public sealed record DecodeResult
{
    /// <summary>Device id announced by this frame (login frames, or protocols that carry the id in every frame).</summary>
    public string? DeviceId { get; init; }

    /// <summary>True for a login frame: the handler checks trust, then sends <see cref="Reply"/> or <see cref="RejectReply"/>.</summary>
    public bool IsLogin { get; init; }

    /// <summary>Decoded, normalised points (may be empty: heartbeats, logins).</summary>
    public IReadOnlyList<TelemetryPoint> Points { get; init; } = [];

    /// <summary>Bytes to send once every valid point of this frame is in Kafka (or at once when there are none). Null = no reply.</summary>
    public byte[]? Reply { get; init; }

    /// <summary>Bytes to send when a login is refused (e.g. Teltonika 0x00, Wialon #AL#0). Null = just close.</summary>
    public byte[]? RejectReply { get; init; }

    /// <summary>Set when the frame is unreadable (bad checksum, malformed, unknown type): nothing is acknowledged.</summary>
    public string? Error { get; init; }

    /// <summary>True when the connection cannot go on after this error (framing lost); false = skip the frame and continue.</summary>
    public bool CloseConnection { get; init; }

    public bool IsRejected => Error is not null;

    public static DecodeResult Rejected(string reason, bool close = false) => new() { Error = reason, CloseConnection = close };
}
