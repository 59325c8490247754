using Fleet.Realtime.State;

namespace Fleet.Realtime.Hubs;

/// <summary>
/// One connection's view after the company scope was applied: what the router matches every position against.
/// <see cref="Companies"/> null = every company (admin), <see cref="Groups"/> null = any group.
/// </summary>
public sealed record MapSubscription(
    string ConnectionId,
    BoundingBox Box,
    IReadOnlySet<string>? Companies,
    IReadOnlySet<string>? Groups)
{
    public bool Matches(string companyId, IReadOnlyList<string> groupIds, double lon, double lat) =>
        (Companies is null || Companies.Contains(companyId))
        && (Groups is null || groupIds.Any(Groups.Contains))
        && Box.Contains(lon, lat);
}
