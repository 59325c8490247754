using Fleet.Realtime.State;

namespace Fleet.Realtime.Hubs;

/// <summary>
/// Coarse spatial index of subscriptions: a quadtree of lon/lat tiles (level z has 2^z × 2^z tiles). Each
/// subscription is filed under the deepest level at which its box needs at most <see cref="MaxTilesPerSubscription"/>
/// tiles, so a point finds its candidates with one lookup per level in use; the exact test comes after.
/// Not thread-safe: <see cref="SubscriptionRegistry"/> guards it.
/// </summary>
public sealed class TileIndex
{
    public const int MaxLevel = 14;
    public const int MaxTilesPerSubscription = 16;

    private readonly Dictionary<long, List<MapSubscription>> _tiles = [];
    private readonly Dictionary<string, (MapSubscription Subscription, long[] Tiles)> _byConnection = new(StringComparer.Ordinal);
    private readonly int[] _subscriptionsPerLevel = new int[MaxLevel + 1];

    public int Count => _byConnection.Count;

    public MapSubscription? Find(string connectionId) =>
        _byConnection.TryGetValue(connectionId, out var entry) ? entry.Subscription : null;

    public void Set(MapSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        Remove(subscription.ConnectionId);
        var level = LevelFor(subscription.Box);
        var tiles = TilesOf(subscription.Box, level).ToArray();
        foreach (var tile in tiles)
        {
            if (!_tiles.TryGetValue(tile, out var list))
            {
                _tiles[tile] = list = [];
            }

            list.Add(subscription);
        }

        _subscriptionsPerLevel[level]++;
        _byConnection[subscription.ConnectionId] = (subscription, tiles);
    }

    public bool Remove(string connectionId)
    {
        if (!_byConnection.Remove(connectionId, out var entry))
        {
            return false;
        }

        foreach (var tile in entry.Tiles)
        {
            var list = _tiles[tile];
            list.Remove(entry.Subscription);
            if (list.Count == 0)
            {
                _tiles.Remove(tile);
            }
        }

        _subscriptionsPerLevel[LevelOf(entry.Tiles[0])]--;
        return true;
    }

    /// <summary>Adds every subscription whose tiles contain the point (a superset of those that match it).</summary>
    public void CollectCandidates(double lon, double lat, List<MapSubscription> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        for (var level = 0; level <= MaxLevel; level++)
        {
            if (_subscriptionsPerLevel[level] > 0 && _tiles.TryGetValue(Key(level, Column(lon, level), Row(lat, level)), out var list))
            {
                into.AddRange(list);
            }
        }
    }

    public static int LevelFor(BoundingBox box)
    {
        for (var level = MaxLevel; level > 0; level--)
        {
            if (TilesOf(box, level).Take(MaxTilesPerSubscription + 1).Count() <= MaxTilesPerSubscription)
            {
                return level;
            }
        }

        return 0;
    }

    private static IEnumerable<long> TilesOf(BoundingBox box, int level)
    {
        foreach (var half in box.Halves())
        {
            for (var x = Column(half.MinLon, level); x <= Column(half.MaxLon, level); x++)
            {
                for (var y = Row(half.MinLat, level); y <= Row(half.MaxLat, level); y++)
                {
                    yield return Key(level, x, y);
                }
            }
        }
    }

    private static int Column(double lon, int level) => Cell((lon + 180) / 360, level);

    private static int Row(double lat, int level) => Cell((lat + 90) / 180, level);

    private static int Cell(double fraction, int level)
    {
        var count = 1 << level;
        return Math.Clamp((int)Math.Floor(fraction * count), 0, count - 1);
    }

    private static long Key(int level, int x, int y) => ((long)level << 56) | ((long)x << 28) | (uint)y;

    private static int LevelOf(long key) => (int)(key >> 56);
}
