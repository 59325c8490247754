using System.Globalization;

namespace Fleet.Bench.Processing;

/// <summary>
/// CPU seconds of this process's threads grouped by thread name, from /proc/self/task: splits the pipeline's own CPU
/// into managed work (thread pool), JIT (tiered compilation), GC, and librdkafka (client and in-process mock broker).
/// Threads that exit between two snapshots drop out, so the groups can add up to a little less than the process total.
/// </summary>
internal static class ThreadCpu
{
    public static Dictionary<string, double> Snapshot()
    {
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var dir in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                var group = Group(stat[(open + 1)..close]);
                var fields = stat[(close + 2)..].Split(' ');   // fields[11], [12] = utime, stime (clock ticks)
                var seconds = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
                totals[group] = totals.GetValueOrDefault(group) + seconds;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // A thread that ended meanwhile.
            }
        }

        return totals;
    }

    /// <summary>The CPU each group used between the snapshots, largest first (groups under 0.05 s left out).</summary>
    public static string Delta(Dictionary<string, double> before, Dictionary<string, double> after) =>
        string.Join(", ", after.Select(p => (p.Key, Seconds: p.Value - before.GetValueOrDefault(p.Key)))
            .Where(p => p.Seconds >= 0.05).OrderByDescending(p => p.Seconds).Select(p => $"{p.Key} {p.Seconds:F1} s"));

    // librdkafka names its threads rdk:broker<id>, rdk:main, rdk:mock...; .NET: ".NET TP Worker", ".NET Tiered Com"...
    private static string Group(string name) =>
        name.StartsWith("rdk:broker", StringComparison.Ordinal) ? "rdk:broker" : name.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
}
