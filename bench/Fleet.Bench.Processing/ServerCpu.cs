using System.Globalization;

namespace Fleet.Bench.Processing;

/// <summary>
/// CPU seconds used so far by the local servers (redis-server, clickhouse, postgres), from /proc: on a shared 2-core
/// machine the pipeline's own CPU is only part of the cost per point. Includes other users of the same servers.
/// </summary>
internal static class ServerCpu
{
    private static readonly string[] Names = ["redis-server", "clickhouse-serv", "postgres"];

    public static Dictionary<string, double> Snapshot()
    {
        var totals = Names.ToDictionary(n => n, _ => 0.0);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                var comm = stat[(open + 1)..close];
                if (Array.IndexOf(Names, comm) < 0)
                {
                    continue;
                }

                var fields = stat[(close + 2)..].Split(' ');   // fields[11], [12] = utime, stime (clock ticks)
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                totals[comm] += ticks / 100.0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // A process that ended meanwhile.
            }
        }

        return totals;
    }

    public static string Delta(Dictionary<string, double> before, Dictionary<string, double> after) =>
        string.Join(", ", Names.Select(n => $"{n} {after[n] - before[n]:F1} s"));
}
