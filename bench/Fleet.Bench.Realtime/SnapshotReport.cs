using System.Globalization;

namespace Fleet.Bench.Realtime;

/// <summary>Where the snapshot's time went: stage percentiles, the slowest requests one by one, and the GCs during requests.</summary>
internal static class SnapshotReport
{
    public static void Print(List<SnapshotSample> samples, string[] stageNames)
    {
        var line = string.Join("; ", stageNames.Select(stage =>
        {
            var values = samples.Select(s => s.Stages.GetValueOrDefault(stage, double.NaN)).Where(v => !double.IsNaN(v)).ToList();
            return string.Create(CultureInfo.InvariantCulture, $"{stage} p50 {Percentiles.Format(Percentiles.Of(values, 50))} / p95 {Percentiles.Format(Percentiles.Of(values, 95))}");
        }));
        Console.WriteLine($"snapshot stages (ms, in the service): {line}");

        var withGc = samples.Where(s => s.Gen0 + s.Gen1 + s.Gen2 > 0).ToList();
        var withoutGc = samples.Where(s => s.Gen0 + s.Gen1 + s.Gen2 == 0).Select(s => s.TotalMs).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"snapshot GCs during requests: {withGc.Count} of {samples.Count} requests had one (gen0 {samples.Sum(s => s.Gen0)}, gen1 {samples.Sum(s => s.Gen1)}, gen2 {samples.Sum(s => s.Gen2)}; pause total {samples.Sum(s => s.GcPauseMs):0.0} ms, max per request {samples.Max(s => s.GcPauseMs):0.0} ms); " +
            $"HTTP p50 with a GC {Percentiles.Format(Percentiles.Of(withGc.Select(s => s.TotalMs).ToList(), 50))} ms, without {Percentiles.Format(Percentiles.Of(withoutGc, 50))} ms"));

        Console.WriteLine("snapshot slowest requests (ms): total, first byte | " + string.Join(", ", stageNames) + " | GCs gen0/1/2, pause, CPU");
        foreach (var s in samples.OrderByDescending(s => s.TotalMs).Take(5))
        {
            var stages = string.Join(", ", stageNames.Select(stage => Percentiles.Format(s.Stages.GetValueOrDefault(stage, double.NaN))));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {Percentiles.Format(s.TotalMs)}, {Percentiles.Format(s.FirstByteMs)} | {stages} | {s.Gen0}/{s.Gen1}/{s.Gen2}, {Percentiles.Format(s.GcPauseMs)}, {Percentiles.Format(s.CpuMs)}"));
        }
    }
}
