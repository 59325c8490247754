namespace Fleet.Ingestion.Protocols.Wialon;

/// <summary>
/// One frame split into its parts: "[prefix]#type#body". The prefix is empty on TCP; Wialon's UDP-style
/// frames carry the device id there ("imei#SD#..." or "2.0;imei#SD#..."), and some TCP devices send it too.
/// </summary>
internal readonly ref struct WialonMessage
{
    private const int MaxTypeLength = 8;

    private WialonMessage(ReadOnlySpan<byte> prefixDeviceId, ReadOnlySpan<byte> type, ReadOnlySpan<byte> body)
    {
        PrefixDeviceId = prefixDeviceId;
        Type = type;
        Body = body;
    }

    /// <summary>Device id announced before the first '#', empty when there is none.</summary>
    public ReadOnlySpan<byte> PrefixDeviceId { get; }

    public ReadOnlySpan<byte> Type { get; }

    public ReadOnlySpan<byte> Body { get; }

    public static bool TryParse(ReadOnlySpan<byte> frame, out WialonMessage message)
    {
        message = default;
        var firstHash = frame.IndexOf((byte)'#');
        if (firstHash < 0)
        {
            return false;
        }

        var afterHash = frame[(firstHash + 1)..];
        var typeLength = afterHash.IndexOf((byte)'#');
        if (typeLength is < 1 or > MaxTypeLength)
        {
            return false;
        }

        var prefix = frame[..firstHash];
        var versionSeparator = prefix.LastIndexOf((byte)';');
        if (versionSeparator >= 0)
        {
            prefix = prefix[(versionSeparator + 1)..];
        }

        message = new WialonMessage(prefix, afterHash[..typeLength], afterHash[(typeLength + 1)..]);
        return true;
    }
}
