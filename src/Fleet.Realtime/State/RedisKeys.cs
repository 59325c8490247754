namespace Fleet.Realtime.State;

/// <summary>The keys of docs/redis-layout.md "Current state" under a configurable prefix, plus Realtime's own.</summary>
public sealed class RedisKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    public string State => Prefix + "state";

    public string GeoAll => Prefix + "geo";

    public string GeoCompany(string companyId) => Prefix + "geo:company:" + companyId;

    /// <summary>Hash of every live map subscription (connection id → JSON), so a starting instance learns them all.</summary>
    public string Subscriptions => Prefix + "realtime:subscriptions";

    /// <summary>Pub/sub channel on which instances announce subscription changes.</summary>
    public string SubscriptionChanges => Prefix + "realtime:subscriptions:changes";

    /// <summary>Channel prefix of the SignalR Redis backplane.</summary>
    public string Backplane => Prefix + "realtime:signalr";
}
