namespace Fleet.Ingestion.Protocols.FleetJson;

/// <summary>One item of a Fleet JSON body: accepted (device id and point) or rejected ("index 3: lat missing").</summary>
public sealed record FleetJsonItem
{
    /// <summary>Position in the batch; 0 for a single-object body.</summary>
    public required int Index { get; init; }

    /// <summary>The item's device id (body or default), when it could be read.</summary>
    public string? DeviceId { get; init; }

    public TelemetryPoint? Point { get; init; }

    public string? RejectReason { get; init; }

    public bool IsAccepted => Point is not null;
}
