namespace Fleet.Ingestion.Protocols.OsmAnd;

/// <summary>The outcome of parsing one OsmAnd / Traccar Client request: points, or an error naming the fault.</summary>
public sealed record OsmAndParseResult
{
    /// <summary>Device id from the request (also set on some errors, for logging), null when absent.</summary>
    public string? DeviceId { get; init; }

    public IReadOnlyList<TelemetryPoint> Points { get; init; } = [];

    /// <summary>Why the request cannot be accepted; the endpoint answers 400 and stores nothing.</summary>
    public string? Error { get; init; }

    public bool IsRejected => Error is not null;

    public static OsmAndParseResult Rejected(string error, string? deviceId = null) => new() { Error = error, DeviceId = deviceId };
}
