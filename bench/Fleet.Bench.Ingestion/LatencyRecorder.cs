using System.Diagnostics;

namespace Fleet.Bench.Ingestion;

/// <summary>ACK latencies of one kind of client, gathered per worker and merged once at the end.</summary>
public sealed class LatencyRecorder
{
    private readonly List<List<long>> _workers = [];

    /// <summary>A list owned by one worker (no locking while recording).</summary>
    public List<long> NewWorker()
    {
        var list = new List<long>(4096);
        lock (_workers)
        {
            _workers.Add(list);
        }

        return list;
    }

    public int Count
    {
        get
        {
            lock (_workers)
            {
                return _workers.Sum(w => w.Count);
            }
        }
    }

    /// <summary>The q-quantile in milliseconds; NaN without samples.</summary>
    public double PercentileMs(double q)
    {
        long[] all;
        lock (_workers)
        {
            all = [.. _workers.SelectMany(w => w)];
        }

        if (all.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(all);
        var index = Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1);
        return all[Math.Max(0, index)] * 1000.0 / Stopwatch.Frequency;
    }
}
