using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Fleet.Processing.Diagnostics;

/// <summary>
/// Accumulated time per pipeline stage (decode, enrich, each sink), so a benchmark or an operator can see which sink a
/// batch waits for. Sinks of one batch run concurrently: the stage totals add up to more than the wall time.
/// </summary>
internal sealed class StageTimings
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _ticks = new(StringComparer.Ordinal);

    public void Add(string stage, long startTimestamp)
    {
        var box = _ticks.GetOrAdd(stage, _ => new StrongBox<long>());
        Interlocked.Add(ref box.Value, Stopwatch.GetTimestamp() - startTimestamp);
    }

    public async Task TimeAsync(string stage, Func<Task> action)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await action();
        }
        finally
        {
            Add(stage, started);
        }
    }

    /// <summary>Total time per stage since start, in seconds.</summary>
    public IReadOnlyDictionary<string, double> Snapshot() => _ticks.ToDictionary(
        p => p.Key, p => (double)Interlocked.Read(ref p.Value.Value) / Stopwatch.Frequency, StringComparer.Ordinal);
}
