namespace Fleet.Ingestion.Protocols.FleetJson;

/// <summary>
/// Items in body order, or a single top-level <see cref="Error"/> when the body is not JSON, not an object/array,
/// or too large a batch (then there are no items).
/// </summary>
public sealed record FleetJsonParseResult
{
    public IReadOnlyList<FleetJsonItem> Items { get; init; } = [];

    public string? Error { get; init; }

    public bool IsRejected => Error is not null;

    public IEnumerable<FleetJsonItem> Accepted => Items.Where(item => item.IsAccepted);

    public IEnumerable<FleetJsonItem> Rejected => Items.Where(item => !item.IsAccepted);

    public static FleetJsonParseResult Failed(string error) => new() { Error = error };
}
