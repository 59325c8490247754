using System.Text.Json.Serialization;

namespace Fleet.Realtime.Hubs;

/// <summary>What one instance tells the others on the subscription channel: a new view, or null when it ended.</summary>
public sealed record SubscriptionChange(
    [property: JsonPropertyName("instance")] string Instance,
    [property: JsonPropertyName("connectionId")] string ConnectionId,
    [property: JsonPropertyName("subscription")] MapSubscription? Subscription);
