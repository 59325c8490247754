using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Fleet.Realtime.State;
using StackExchange.Redis;

namespace Fleet.Bench.Realtime;

/// <summary>Snapshot of a box holding ~10% of the fleet, next to the raw Redis work it is made of (reference).</summary>
internal static class SnapshotBench
{
    private const int Runs = 30;

    public static async Task RunAsync(Uri baseAddress, string token, IDatabase db, string prefix)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var box = new BoundingBox(0, 40, 10, 41);
        var url = new Uri("api/v1/vehicles/snapshot?bbox=0,40,10,41", UriKind.Relative);
        var count = 0;
        var api = new List<double>();
        var headers = new List<double>();
        var search = new List<double>();
        var tiny = new List<double>();
        var tinyUrl = new Uri("api/v1/vehicles/snapshot?bbox=0,40,0.001,40.001", UriKind.Relative);
        var raw = new List<double>();
        var pieces = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < Runs + 3; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            var headersAt = watch.Elapsed.TotalMilliseconds; // the geo search is done once the answer starts
            var body = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            process.Refresh();
            var cpuUsed = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            response.EnsureSuccessStatusCode();
            count = JsonDocument.Parse(body).RootElement.GetProperty("vehicles").GetArrayLength();
            if (i >= 3)
            {
                api.Add(watch.Elapsed.TotalMilliseconds);
                headers.Add(headersAt);
                search.Add(ServerTiming(response));
                cpu.Add(cpuUsed);
            }

            watch.Restart();
            var (lon, lat, shape) = GeoBoxSearch.Cover(box);
            var members = await db.GeoSearchAsync(prefix + "geo", lon, lat, shape, -1, demandClosest: true, options: GeoRadiusOptions.None);
            foreach (var chunk in members.Chunk(2000))
            {
                await db.HashGetAsync(prefix + "state", chunk.Select(m => m.Member).ToArray());
            }

            watch.Stop();
            if (i >= 3)
            {
                raw.Add(watch.Elapsed.TotalMilliseconds);
            }

            watch.Restart();
            using (var small = await http.GetAsync(tinyUrl))
            {
                await small.Content.ReadAsByteArrayAsync();
            }

            watch.Stop();
            if (i >= 3)
            {
                tiny.Add(watch.Elapsed.TotalMilliseconds);
            }

            watch.Restart();
            await ServiceRedisWorkAsync(db, prefix, box);
            watch.Stop();
            if (i >= 3)
            {
                pieces.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var copyAlone = await CopyAloneAsync(db, prefix, box);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"snapshot: filter + copy of the stored items alone (one thread, no Redis/HTTP) p50 {Percentiles.Format(copyAlone)} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"snapshot: {count} vehicles in view; HTTP p50 {Percentiles.Format(Percentiles.Of(api, 50))} ms, p95 {Percentiles.Format(Percentiles.Of(api, 95))} ms (first byte p50 {Percentiles.Format(Percentiles.Of(headers, 50))} ms, its geo search p50 {Percentiles.Format(Percentiles.Of(search, 50))} ms; CPU of server + client per request p50 {Percentiles.Format(Percentiles.Of(cpu, 50))} ms; a request for an almost empty box p50 {Percentiles.Format(Percentiles.Of(tiny, 50))} ms); " +
            $"reference raw GEOSEARCH+HMGET (no filter, no JSON) p50 {Percentiles.Format(Percentiles.Of(raw, 50))} ms, p95 {Percentiles.Format(Percentiles.Of(raw, 95))} ms; " +
            $"the service's Redis work alone (GEOSEARCH pieces + pipelined HMGET) p50 {Percentiles.Format(Percentiles.Of(pieces, 50))} ms, p95 {Percentiles.Format(Percentiles.Of(pieces, 95))} ms"));
    }

    /// <summary>CPU stage: filtering and copying the box's ~10k stored items into the answer's shape, no Redis, no HTTP.</summary>
    public static async Task<double> CopyAloneAsync(IDatabase db, string prefix, BoundingBox box)
    {
        var (lon, lat, shape) = GeoBoxSearch.Cover(box);
        var members = (await db.GeoSearchAsync(prefix + "geo", lon, lat, shape, -1, demandClosest: true, options: GeoRadiusOptions.None)).Select(r => r.Member).ToArray();
        var values = await db.HashGetAsync(prefix + "state", members);
        var query = new SnapshotQuery(box, null, null);
        var times = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            var watch = Stopwatch.StartNew();
            var buffer = new ArrayBufferWriter<byte>(values.Length * 384);
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
            {
                writer.WriteStartArray();
                foreach (var value in values)
                {
                    SnapshotItemCopier.TryWrite(((ReadOnlyMemory<byte>)value).Span, query, writer);
                }
            }

            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Percentiles.Of(times, 50);
    }

    private static double ServerTiming(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Server-Timing", out var values)
        && double.TryParse(values.First().Split("dur=")[^1], CultureInfo.InvariantCulture, out var ms) ? ms : double.NaN;

    /// <summary>What the service asks Redis for the same box (square-ish pieces, then every HMGET chunk at once), without HTTP or JSON.</summary>
    private static async Task ServiceRedisWorkAsync(IDatabase db, string prefix, BoundingBox box)
    {
        var searches = GeoBoxSearch.Pieces(box).Select(piece =>
        {
            var (lon, lat, shape) = GeoBoxSearch.Cover(piece);
            return db.GeoSearchAsync(prefix + "geo", lon, lat, shape, 25_001, demandClosest: false, options: GeoRadiusOptions.None);
        }).ToArray();
        var members = (await Task.WhenAll(searches)).SelectMany(found => found).Select(r => r.Member).Distinct().ToArray();
        await Task.WhenAll(members.Chunk(1000).Select(chunk => db.HashGetAsync(prefix + "state", chunk)));
    }
}
