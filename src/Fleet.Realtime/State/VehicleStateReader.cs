using System.Diagnostics;
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
public sealed class VehicleStateReader(SnapshotConnections connections, RedisKeys keys, IOptions<RealtimeOptions> options)
{
    /// <summary>Members per HMGET: each chunk is sent as soon as its members are known and copied when it answers.</summary>
    private const int HashReadChunk = 1_000;

    /// <summary>Geohash cells one snapshot may cover (split over its geo sets): for a 10° × 1° box, 2.5 % more members than inside.</summary>
    private const int MaxCells = 256;

    private const int MinCellsPerKey = 16;

    /// <summary>A stored item is ~330 bytes; the buffer grows if they are longer.</summary>
    private const int CopiedBytesPerItem = 384;

    /// <summary>
    /// Searches the query's geo sets and box (by geohash score ranges, <see cref="GeoHashRanges"/>, or with GEOSEARCH
    /// when <c>Realtime:SnapshotSearchByScore</c> is off) and starts reading the state of what they hold, or returns null when they
    /// hold more than the limit. The HMGET chunks go out while later search pieces are still answering (over
    /// <see cref="SnapshotConnections"/>, round robin) and each is filtered and copied on the thread pool when its
    /// reply arrives, so Redis, the reply parsing and the copying overlap.
    /// </summary>
    public async Task<SnapshotRead?> StartAsync(SnapshotQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var started = Stopwatch.GetTimestamp();
        var db = await connections.GetDatabaseAsync(0);
        var limit = options.Value.MaxSnapshotVehicles;
        var geoKeys = query.Companies is null ? [keys.GeoAll] : query.Companies.Select(keys.GeoCompany).ToArray();

        var searches = new List<Task<RedisValue[]>>();
        foreach (var key in geoKeys)
        {
            foreach (var half in query.Box.Halves())
            {
                if (options.Value.SnapshotSearchByScore)
                {
                    var maxCells = Math.Max(MinCellsPerKey, MaxCells / geoKeys.Length);
                    searches.AddRange(GeoHashRanges.Cover(half, maxCells).Select(range => RangeAsync(db, key, range, limit + 1)));
                }
                else
                {
                    searches.AddRange(GeoBoxSearch.Pieces(half).Select(piece => SearchAsync(db, key, piece, limit + 1)));
                }
            }
        }

        // Pieces overlap by the cover's slack and a vehicle may be in two company sets for a moment: once each.
        var seen = new HashSet<RedisValue>();
        var pending = new List<RedisValue>(HashReadChunk);
        var chunks = new List<Task<CopiedChunk>>();
        await foreach (var search in Task.WhenEach(searches))
        {
            foreach (var member in await search)
            {
                if (seen.Count <= limit && seen.Add(member) && seen.Count <= limit)
                {
                    pending.Add(member);
                    if (pending.Count == HashReadChunk)
                    {
                        chunks.Add(CopyChunkAsync(query, [.. pending], chunks.Count));
                        pending.Clear();
                    }
                }
            }
        }

        if (seen.Count > limit)
        {
            SnapshotRead.Release(chunks);
            return null;
        }

        if (pending.Count > 0)
        {
            chunks.Add(CopyChunkAsync(query, [.. pending], chunks.Count));
        }

        return new SnapshotRead(chunks, started, Stopwatch.GetElapsedTime(started));
    }

    private async Task<CopiedChunk> CopyChunkAsync(SnapshotQuery query, RedisValue[] members, int index)
    {
        // Chunk 0 goes to the second connection (when there is one): the first still answers the search pieces.
        var db = await connections.GetDatabaseAsync(index + 1);
        var sent = Stopwatch.GetTimestamp();
        var values = await db.HashGetAsync(keys.State, members);
        var replied = Stopwatch.GetTimestamp();
        var buffer = new PooledByteBuffer(values.Length * CopiedBytesPerItem);
        try
        {
            var written = 0;
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
            {
                writer.WriteStartArray();
                foreach (var value in values)
                {
                    if (value.HasValue && SnapshotItemCopier.TryWrite(((ReadOnlyMemory<byte>)value).Span, query, writer))
                    {
                        written++;
                    }
                }
            }

            return new CopiedChunk(buffer, written, Stopwatch.GetElapsedTime(sent, replied), Stopwatch.GetElapsedTime(replied), replied);
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>
    /// No WITHSCORES: Redis formats each score as text, which cost more than the whole search (measured: 10k members,
    /// 11.9 ms with scores, 4.3 ms without, GEOSEARCH 8.8 ms); the ~2.5 % of members just outside the box that the
    /// cells add are dropped by the exact filter on the stored lat/lon.
    /// </summary>
    private static Task<RedisValue[]> RangeAsync(IDatabase db, string key, (long Start, long End) range, int count) =>
        db.SortedSetRangeByScoreAsync(key, range.Start, range.End, Exclude.Stop, Order.Ascending, 0, count);

    private static async Task<RedisValue[]> SearchAsync(IDatabase db, string key, BoundingBox piece, int count)
    {
        var (lon, lat, shape) = GeoBoxSearch.Cover(piece);
        // COUNT limit+1 ANY: enough to know the box is over the limit without reading every member.
        var found = await db.GeoSearchAsync(key, lon, lat, shape, count, demandClosest: false, options: GeoRadiusOptions.None);
        return Array.ConvertAll(found, r => r.Member);
    }
}
