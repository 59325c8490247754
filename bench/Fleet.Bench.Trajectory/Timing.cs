using System.Diagnostics;
using System.Globalization;

namespace Fleet.Bench.Trajectory;

/// <summary>Runs an operation several times and reports median and p95 wall time, plus CPU and GC per run.</summary>
internal static class Timing
{
    public static async Task<string> MeasureAsync(int runs, Func<int, Task> operation)
    {
        await operation(-1); // warm-up: JIT, connection pool, server caches
        var samples = new List<double>(runs);
        var (gen0, gen2, paused, allocated) = (GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await operation(i);
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        // Process CPU per run (all threads, GC included) is far steadier than wall time on a shared, loaded machine.
        var cpuPerRun = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / runs;
        samples.Sort();
        double At(double q) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(q * samples.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"median {At(0.5):F1} ms, p95 {At(0.95):F1} ms ({runs} runs; ") +
            string.Create(CultureInfo.InvariantCulture, $"CPU {cpuPerRun:F1} ms/run; GC {GC.CollectionCount(0) - gen0} gen0 / {GC.CollectionCount(2) - gen2} gen2, ") +
            string.Create(CultureInfo.InvariantCulture, $"paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms, {(GC.GetTotalAllocatedBytes() - allocated) / runs / 1048576.0:F1} MiB/run)");
    }

    /// <summary>Median and p95 of <paramref name="operation"/>, each run after an untimed <paramref name="setup"/>; one untimed warm-up first.</summary>
    public static async Task<string> MeasureWithSetupAsync(int count, Func<Task> setup, Func<Task> operation)
    {
        await operation();
        var samples = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            await setup();
            var watch = Stopwatch.StartNew();
            await operation();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        samples.Sort();
        double At(double q) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(q * samples.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"median {At(0.5):F1} ms, p95 {At(0.95):F1} ms, min {samples[0]:F1} ms ({count} runs)");
    }
}
