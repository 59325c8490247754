using System.Text.Json.Serialization;

namespace Fleet.Realtime.Hubs;

/// <summary>What one instance tells the others on the subscription channel: a new view, or no box when it ended.</summary>
public sealed record SubscriptionChange(
    [property: JsonPropertyName("instance")] string Instance,
    [property: JsonPropertyName("connectionId")] string ConnectionId,
    [property: JsonPropertyName("bbox")] double[]? Bbox,
    [property: JsonPropertyName("companies")] string[]? Companies,
    [property: JsonPropertyName("groups")] string[]? Groups)
{
    public static SubscriptionChange Of(string instance, MapSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var box = subscription.Box;
        return new(instance, subscription.ConnectionId, [box.MinLon, box.MinLat, box.MaxLon, box.MaxLat],
            subscription.Companies?.ToArray(), subscription.Groups?.ToArray());
    }

    public static SubscriptionChange Ended(string instance, string connectionId) => new(instance, connectionId, null, null, null);

    /// <summary>The subscription this change announces, or null when the connection's subscription ended.</summary>
    public MapSubscription? ToSubscription() =>
        Bbox is [var minLon, var minLat, var maxLon, var maxLat]
            ? new MapSubscription(ConnectionId, new(minLon, minLat, maxLon, maxLat),
                Companies?.ToHashSet(StringComparer.Ordinal), Groups?.ToHashSet(StringComparer.Ordinal))
            : null;
}
