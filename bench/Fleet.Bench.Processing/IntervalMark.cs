using System.Diagnostics;

namespace Fleet.Bench.Processing;

/// <summary>Everything the bench compares between two moments of a run: points done, wall clock, CPU, stage times.</summary>
internal sealed record IntervalMark(long Points, long Timestamp, TimeSpan ProcessCpu, Dictionary<string, double> Servers,
    Dictionary<string, double> Threads, IReadOnlyDictionary<string, double> Stages)
{
    public static IntervalMark Take(long points, IReadOnlyDictionary<string, double> stages) => new(points, Stopwatch.GetTimestamp(),
        Process.GetCurrentProcess().TotalProcessorTime, ServerCpu.Snapshot(), ThreadCpu.Snapshot(), stages);

    /// <summary>Prints the interval since <paramref name="start"/> and returns its rate and process CPU.</summary>
    public BenchResult Report(IntervalMark start, string title)
    {
        var seconds = Stopwatch.GetElapsedTime(start.Timestamp, Timestamp).TotalSeconds;
        var result = new BenchResult(Points - start.Points, seconds, (ProcessCpu - start.ProcessCpu).TotalSeconds);
        Console.WriteLine($"{title}: {result.Rate:N0} points/s ({result.Count:N0} points in {seconds:F1} s, process CPU {result.CpuSeconds:F1} s" +
            $" = {result.CpuSeconds / result.Count * 1e6:F1} µs/point)");
        Console.WriteLine($"  server CPU: {ServerCpu.Delta(start.Servers, Servers)}");
        Console.WriteLine($"  process threads: {ThreadCpu.Delta(start.Threads, Threads)}");
        // Sinks of a batch and batches run concurrently: the stages add up to more than the wall time.
        Console.WriteLine("  stages: " + string.Join(", ", Stages.Select(p => (p.Key, Seconds: p.Value - start.Stages.GetValueOrDefault(p.Key)))
            .OrderByDescending(p => p.Seconds).Select(p => $"{p.Key} {p.Seconds:F2} s")));
        return result;
    }
}
