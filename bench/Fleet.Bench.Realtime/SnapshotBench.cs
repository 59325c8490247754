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
    private static readonly string[] StageNames = ["search", "last-reply", "redis-sum", "copy-sum", "chunk-wait", "flush"];

    /// <summary>
    /// Timed per request: from sending the request until the last byte of the body is in the client's buffer (read
    /// into one reused buffer, as a browser streams it). Counting the items afterwards is outside the timed section and
    /// uses a forward-only reader, not a DOM (<c>FLEET_BENCH_SNAPSHOT_CLIENT=dom</c>: the earlier client, a fresh
    /// byte array per body and a <see cref="JsonDocument"/> per answer, to see what that client cost).
    /// </summary>
    public static async Task RunAsync(Uri baseAddress, string token, IDatabase db, string prefix)
    {
        var runs = int.TryParse(Environment.GetEnvironmentVariable("FLEET_BENCH_SNAPSHOT_RUNS"), CultureInfo.InvariantCulture, out var n) ? n : 60;
        var domClient = Environment.GetEnvironmentVariable("FLEET_BENCH_SNAPSHOT_CLIENT") == "dom";
        // A running service has its hot paths at tier 1: the first ~30 calls of a method run unoptimised code and the
        // JIT's tier-up then takes CPU from the timed requests (measured: 60 → 33 ms of CPU per request once warm).
        var warmUp = int.TryParse(Environment.GetEnvironmentVariable("FLEET_BENCH_SNAPSHOT_WARMUP"), CultureInfo.InvariantCulture, out var w) ? w : 40;
        using var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var box = new BoundingBox(0, 40, 10, 41);
        var url = new Uri("api/v1/vehicles/snapshot?bbox=0,40,10,41", UriKind.Relative);
        var tinyUrl = new Uri("api/v1/vehicles/snapshot?bbox=0,40,0.001,40.001", UriKind.Relative);
        var (count, samples, tiny, raw, pieces) = (0, new List<SnapshotSample>(), new List<double>(), new List<double>(), new List<double>());
        var body = new byte[4 << 20];
        using var stages = new SnapshotStageProbe();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs + warmUp; i++)
        {
            stages.Take();
            process.Refresh();
            var (cpuBefore, pauseBefore) = (process.TotalProcessorTime, GC.GetTotalPauseDuration());
            var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            var headersAt = watch.Elapsed.TotalMilliseconds;
            byte[] received;
            int length;
            if (domClient)
            {
                received = await response.Content.ReadAsByteArrayAsync();
                length = received.Length;
            }
            else
            {
                length = await ReadAllAsync(await response.Content.ReadAsStreamAsync(), body);
                received = body;
            }

            watch.Stop();
            var pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
            var gcs = (GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2);
            process.Refresh();
            var cpuUsed = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            response.EnsureSuccessStatusCode();
            await Task.Delay(5); // the service records its stages after the last write
            count = domClient
                ? JsonDocument.Parse(received.AsMemory(0, length)).RootElement.GetProperty("vehicles").GetArrayLength()
                : CountItems(received.AsSpan(0, length));
            if (i >= warmUp)
            {
                samples.Add(new SnapshotSample(watch.Elapsed.TotalMilliseconds, headersAt, cpuUsed, stages.Take(), gcs.Item1, gcs.Item2, gcs.Item3, pause));
            }

            watch.Restart();
            var (lon, lat, shape) = GeoBoxSearch.Cover(box);
            var members = await db.GeoSearchAsync(prefix + "geo", lon, lat, shape, -1, demandClosest: true, options: GeoRadiusOptions.None);
            foreach (var chunk in members.Chunk(2000))
            {
                await db.HashGetAsync(prefix + "state", chunk.Select(m => m.Member).ToArray());
            }

            Add(raw, i >= warmUp, watch);
            watch.Restart();
            using (var small = await http.GetAsync(tinyUrl))
            {
                await small.Content.ReadAsByteArrayAsync();
            }

            Add(tiny, i >= warmUp, watch);
            watch.Restart();
            await ServiceRedisWorkAsync(db, prefix, box);
            Add(pieces, i >= warmUp, watch);
        }

        var copyAlone = await CopyAloneAsync(db, prefix, box);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"snapshot: filter + copy of the stored items alone (one thread, no Redis/HTTP) p50 {Percentiles.Format(copyAlone)} ms"));
        var api = samples.Select(s => s.TotalMs).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"snapshot: {count} vehicles in view, {runs} requests after {warmUp} warm-up ({(domClient ? "DOM client" : "streaming client")}); HTTP p50 {P(api, 50)} ms, p95 {P(api, 95)} ms (first byte p50 {P(samples.Select(s => s.FirstByteMs).ToList(), 50)} ms, its geo search p50 {P(Stage(samples, "search"), 50)} ms; CPU of server + client per request p50 {P(samples.Select(s => s.CpuMs).ToList(), 50)} ms; a request for an almost empty box p50 {P(tiny, 50)} ms); " +
            $"reference raw GEOSEARCH+HMGET (no filter, no JSON) p50 {P(raw, 50)} ms, p95 {P(raw, 95)} ms; " +
            $"the service's Redis work alone (GEOSEARCH pieces + pipelined HMGET) p50 {P(pieces, 50)} ms, p95 {P(pieces, 95)} ms"));
        SnapshotReport.Print(samples, StageNames);
    }

    private static void Add(List<double> list, bool measured, Stopwatch watch)
    {
        watch.Stop();
        if (measured)
        {
            list.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    private static string P(List<double> values, double percentile) => Percentiles.Format(Percentiles.Of(values, percentile));

    private static List<double> Stage(List<SnapshotSample> samples, string stage) =>
        samples.Select(s => s.Stages.GetValueOrDefault(stage, double.NaN)).ToList();

    private static async Task<int> ReadAllAsync(Stream stream, byte[] buffer)
    {
        await using (stream)
        {
            var length = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(length))) > 0)
            {
                length += read;
            }

            return length;
        }
    }

    /// <summary>Items of <c>vehicles</c>: objects two levels deep, counted with a forward-only reader (no DOM).</summary>
    private static int CountItems(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var items = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 2)
            {
                items++;
                reader.Skip();
            }
        }

        return items;
    }

    /// <summary>CPU stage: filtering and copying the box's ~10k stored items into the answer's shape, no Redis, no HTTP.</summary>
    public static async Task<double> CopyAloneAsync(IDatabase db, string prefix, BoundingBox box)
    {
        var (lon, lat, shape) = GeoBoxSearch.Cover(box);
        var members = (await db.GeoSearchAsync(prefix + "geo", lon, lat, shape, -1, demandClosest: true, options: GeoRadiusOptions.None)).Select(r => r.Member).ToArray();
        var values = await db.HashGetAsync(prefix + "state", members);
        var query = new SnapshotQuery(box, null, null);
        var times = new List<double>();
        var buffer = new ArrayBufferWriter<byte>(values.Length * 384);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        for (var i = 0; i < 30; i++)
        {
            var watch = Stopwatch.StartNew();
            buffer.ResetWrittenCount();
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

        process.Refresh();
        // CPU time of the whole process per pass (the copy is all it does then): steadier than wall time on a busy box.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"snapshot: filter + copy alone, CPU time per pass (whole process, 30 passes) {(process.TotalProcessorTime - cpuBefore).TotalMilliseconds / 30:0.0} ms"));
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
