using System.Diagnostics;
using System.Globalization;
using Fleet.Bench.Processing;

// Usage: Fleet.Bench.Processing [points=200000] [vehicles=10000] [Bench:Warmup=100000] [Bench:Tail=60000] [Processing:Key=value ...]
// The topic is pre-loaded with warm-up + points + tail; the steady-state figure covers the middle `points`. The warm-up
// lets tiered JIT settle (a service runs for days); the tail (3 batches) keeps batches in flight at the end of the interval.
var points = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
var vehicles = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var options = args.Skip(2).Select(a => a.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
var warmup = Take(options, "Bench:Warmup", 100_000);
var tail = Take(options, "Bench:Tail", 60_000);
var total = warmup + points + tail;
var name = "fleet_bench_" + Guid.NewGuid().ToString("N")[..8];
var (postgres, clickHouse) = await BenchEnvironment.CreateDatabasesAsync(name);
try
{
    using var run = new ProcessingBenchRun(name, postgres, clickHouse, vehicles, options);
    Console.WriteLine($"settings: {(options.Count == 0 ? "defaults" : string.Join(", ", options.Select(s => $"{s.Key}={s.Value}")))}");
    Console.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
    await run.LoadReferenceAsync();
    var produce = Stopwatch.StartNew();
    run.PreloadTelemetry(total);
    Console.WriteLine($"pre-loaded {total:N0} points ({warmup:N0} warm-up + {points:N0} measured + {tail:N0} tail) for {vehicles:N0} vehicles in {produce.Elapsed.TotalSeconds:F1} s");

    var raw = run.MeasureRawConsume(total);
    Console.WriteLine($"raw consume + decode (same topic, same run): {raw.Rate:N0} msg/s ({raw.Seconds:F1} s, CPU {raw.CpuSeconds:F1} s)");
    await run.MeasurePipelineAsync(warmup, points, total);
    Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
}
finally
{
    await BenchEnvironment.DropDatabasesAsync(name);
    await BenchEnvironment.DropRedisKeysAsync(name + ":");
}

static int Take(Dictionary<string, string> options, string key, int fallback) =>
    options.Remove(key, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
