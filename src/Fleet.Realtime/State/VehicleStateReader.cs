using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Fleet.Realtime.State;

/// <summary>
/// Reads current state as Processing writes it (docs/redis-layout.md): GEOSEARCH BYBOX on the company geo sets the
/// caller may see (<c>fleet:geo</c> only for an unrestricted admin), then HMGET <c>fleet:state</c>, then an exact
/// filter on the stored coordinates, company and groups — so a stale geo member never leaks another company's vehicle.
/// </summary>
public sealed class VehicleStateReader(IConnectionMultiplexer redis, RedisKeys keys, IOptions<RealtimeOptions> options)
{
    private const int HashReadChunk = 2_000;

    public async Task<SnapshotResult> ReadAsync(SnapshotQuery query, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var limit = options.Value.MaxSnapshotVehicles;
        var geoKeys = query.Companies is null ? [keys.GeoAll] : query.Companies.Select(keys.GeoCompany).ToArray();

        var searches = new List<Task<RedisValue[]>>();
        foreach (var key in geoKeys)
        {
            foreach (var half in query.Box.Halves())
            {
                searches.Add(SearchAsync(db, key, half, limit + 1));
            }
        }

        var members = new HashSet<RedisValue>();
        foreach (var found in await Task.WhenAll(searches))
        {
            members.UnionWith(found);
        }

        if (members.Count > limit)
        {
            return new SnapshotResult([], TooMany: true);
        }

        var vehicles = new List<SnapshotItem>(members.Count);
        foreach (var chunk in members.Chunk(HashReadChunk))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var values = await db.HashGetAsync(keys.State, chunk);
            foreach (var value in values)
            {
                if (value.HasValue && Parse(value) is { } item && query.Matches(item))
                {
                    vehicles.Add(item);
                }
            }
        }

        return new SnapshotResult(vehicles, TooMany: false);
    }

    private static async Task<RedisValue[]> SearchAsync(IDatabase db, string key, BoundingBox half, int count)
    {
        var (lon, lat, shape) = GeoBoxSearch.Cover(half);
        // COUNT limit+1 ANY: enough to know the box is over the limit without reading every member.
        var found = await db.GeoSearchAsync(key, lon, lat, shape, count, demandClosest: false, options: GeoRadiusOptions.None);
        return Array.ConvertAll(found, r => r.Member);
    }

    private static SnapshotItem? Parse(RedisValue value)
    {
        try
        {
            return JsonSerializer.Deserialize(((ReadOnlyMemory<byte>)value).Span, RealtimeJsonContext.Default.SnapshotItem);
        }
        catch (JsonException)
        {
            return null; // A malformed entry is Processing's bug; the map shows the rest.
        }
    }
}
