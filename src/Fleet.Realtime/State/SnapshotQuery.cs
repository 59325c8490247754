namespace Fleet.Realtime.State;

/// <summary>
/// What a snapshot reads: the box, the geo sets to search (null = <c>fleet:geo</c>, every company, admins only), the
/// companies the caller may receive (null = all) and the group filter (null = any group).
/// </summary>
public sealed record SnapshotQuery(
    BoundingBox Box,
    IReadOnlyCollection<string>? Companies,
    IReadOnlySet<string>? Groups);
