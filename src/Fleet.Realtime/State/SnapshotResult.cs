namespace Fleet.Realtime.State;

/// <summary>The vehicles of a snapshot, or <see cref="TooMany"/> when the box holds more than the limit.</summary>
public sealed record SnapshotResult(IReadOnlyList<SnapshotItem> Vehicles, bool TooMany);
