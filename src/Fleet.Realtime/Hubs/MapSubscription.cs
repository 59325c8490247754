using System.Text.Json.Serialization;
using Fleet.Realtime.State;

namespace Fleet.Realtime.Hubs;

/// <summary>
/// One connection's view after the company scope was applied: what the router matches every position against.
/// <see cref="Companies"/> null = every company (admin), <see cref="Groups"/> null = any group.
/// </summary>
public sealed record MapSubscription(
    [property: JsonPropertyName("connectionId")] string ConnectionId,
    [property: JsonPropertyName("box")] BoundingBox Box,
    [property: JsonPropertyName("companies")] IReadOnlySet<string>? Companies,
    [property: JsonPropertyName("groups")] IReadOnlySet<string>? Groups)
{
    public bool Matches(string companyId, IReadOnlyList<string> groupIds, double lon, double lat) =>
        (Companies is null || Companies.Contains(companyId))
        && (Groups is null || groupIds.Any(Groups.Contains))
        && Box.Contains(lon, lat);
}
