namespace Fleet.Realtime.Hubs;

/// <summary>
/// Every live map subscription of every instance (kept in step by <see cref="SubscriptionReplicator"/>), so the
/// instance that consumed a position can address each matching connection wherever it is connected.
/// </summary>
public sealed class SubscriptionRegistry
{
    private readonly Lock _lock = new();
    private readonly TileIndex _index = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _index.Count;
            }
        }
    }

    public MapSubscription? Find(string connectionId)
    {
        lock (_lock)
        {
            return _index.Find(connectionId);
        }
    }

    public void Set(MapSubscription subscription)
    {
        lock (_lock)
        {
            _index.Set(subscription);
        }
    }

    public void Remove(string connectionId)
    {
        lock (_lock)
        {
            _index.Remove(connectionId);
        }
    }

    /// <summary>Subscriptions that might contain the point; callers test each exactly.</summary>
    public void CollectCandidates(double lon, double lat, List<MapSubscription> into)
    {
        lock (_lock)
        {
            _index.CollectCandidates(lon, lat, into);
        }
    }
}
