using System.Diagnostics;
using System.Globalization;
using Fleet.Bench.Processing;

// Usage: Fleet.Bench.Processing [points=200000] [vehicles=10000] [Processing:Key=value ...]  (settings override defaults)
var points = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
var vehicles = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var settings = args.Skip(2).Select(a => a.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
var name = "fleet_bench_" + Guid.NewGuid().ToString("N")[..8];
var (postgres, clickHouse) = await BenchEnvironment.CreateDatabasesAsync(name);
try
{
    using var run = new ProcessingBenchRun(name, postgres, clickHouse, vehicles, settings);
    Console.WriteLine($"settings: {(settings.Count == 0 ? "defaults" : string.Join(", ", settings.Select(s => $"{s.Key}={s.Value}")))}");
    Console.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
    await run.LoadReferenceAsync();
    var produce = Stopwatch.StartNew();
    run.PreloadTelemetry(points);
    Console.WriteLine($"pre-loaded {points:N0} points for {vehicles:N0} vehicles in {produce.Elapsed.TotalSeconds:F1} s");

    var raw = run.MeasureRawConsume(points);
    Console.WriteLine($"raw consume (same topic, same run): {raw.Rate:N0} msg/s ({raw.Seconds:F1} s, CPU {raw.CpuSeconds:F1} s)");
    var pipeline = await run.MeasurePipelineAsync(points);
    Console.WriteLine($"processing, every side effect:     {pipeline.Rate:N0} points/s ({pipeline.Seconds:F1} s, CPU {pipeline.CpuSeconds:F1} s)");
    Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
}
finally
{
    await BenchEnvironment.DropDatabasesAsync(name);
}
