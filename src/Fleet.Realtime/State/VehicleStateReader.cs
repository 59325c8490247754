using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Fleet.Realtime.State;

/// <summary>
/// Reads current state as Processing writes it (docs/redis-layout.md): GEOSEARCH BYBOX on the company geo sets the
/// caller may see (<c>fleet:geo</c> only for an unrestricted admin), then HMGET <c>fleet:state</c>, then an exact
/// filter on the stored coordinates, company and groups — so a stale geo member never leaks another company's vehicle.
/// Matching items are copied straight from the stored bytes into the answer (<see cref="SnapshotItemCopier"/>).
/// </summary>
public sealed class VehicleStateReader(IConnectionMultiplexer redis, RedisKeys keys, IOptions<RealtimeOptions> options)
{
    /// <summary>Members per HMGET: every chunk is sent at once (pipelined) and copied while later ones arrive.</summary>
    private const int HashReadChunk = 1_000;

    /// <summary>Bytes the JSON writer collects before they go to the response.</summary>
    private const int FlushBytes = 32 * 1024;

    /// <summary>The vehicle ids in the query's geo sets and box, or null when there are more than the limit.</summary>
    public async Task<RedisValue[]?> FindAsync(SnapshotQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var db = redis.GetDatabase();
        var limit = options.Value.MaxSnapshotVehicles;
        var geoKeys = query.Companies is null ? [keys.GeoAll] : query.Companies.Select(keys.GeoCompany).ToArray();

        var searches = new List<Task<RedisValue[]>>();
        foreach (var key in geoKeys)
        {
            foreach (var piece in query.Box.Halves().SelectMany(GeoBoxSearch.Pieces))
            {
                searches.Add(SearchAsync(db, key, piece, limit + 1));
            }
        }

        var found = await Task.WhenAll(searches);
        var members = found.Length == 1 ? found[0] : found.SelectMany(f => f).Distinct().ToArray();
        return members.Length > limit ? null : members;
    }

    /// <summary>
    /// Reads the state of <paramref name="members"/> and writes each item that matches the query into
    /// <paramref name="writer"/> (inside an array the caller opened), flushing to <paramref name="flushAsync"/> as it goes.
    /// </summary>
    public async Task<int> WriteAsync(SnapshotQuery query, RedisValue[] members, Utf8JsonWriter writer,
        Func<CancellationToken, ValueTask> flushAsync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(flushAsync);
        var db = redis.GetDatabase();
        var reads = members.Chunk(HashReadChunk).Select(chunk => db.HashGetAsync(keys.State, chunk)).ToArray();
        var written = 0;
        foreach (var read in reads)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var value in await read)
            {
                if (value.HasValue && SnapshotItemCopier.TryWrite(((ReadOnlyMemory<byte>)value).Span, query, writer))
                {
                    written++;
                }

                if (writer.BytesPending >= FlushBytes)
                {
                    writer.Flush();
                    await flushAsync(cancellationToken);
                }
            }
        }

        return written;
    }

    private static async Task<RedisValue[]> SearchAsync(IDatabase db, string key, BoundingBox piece, int count)
    {
        var (lon, lat, shape) = GeoBoxSearch.Cover(piece);
        // COUNT limit+1 ANY: enough to know the box is over the limit without reading every member.
        var found = await db.GeoSearchAsync(key, lon, lat, shape, count, demandClosest: false, options: GeoRadiusOptions.None);
        return Array.ConvertAll(found, r => r.Member);
    }
}
