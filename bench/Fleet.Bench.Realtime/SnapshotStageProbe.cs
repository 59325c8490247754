using System.Diagnostics.Metrics;
using Fleet.Realtime.Diagnostics;

namespace Fleet.Bench.Realtime;

/// <summary>
/// The service's per-request snapshot stages (<c>fleet.realtime.snapshot.stage</c>, tagged by stage): the bench sends
/// one snapshot request at a time, so the last values seen belong to the last request.
/// </summary>
internal sealed class SnapshotStageProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _lock = new();
    private Dictionary<string, double> _last = [];

    public SnapshotStageProbe()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RealtimeMetrics.MeterName && instrument.Name == RealtimeMetrics.SnapshotStageName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "stage" && tag.Value is string stage)
                {
                    lock (_lock)
                    {
                        _last[stage] = value;
                    }
                }
            }
        });
        _listener.Start();
    }

    /// <summary>The stages of the request answered since the last call (empty when none).</summary>
    public Dictionary<string, double> Take()
    {
        lock (_lock)
        {
            var taken = _last;
            _last = [];
            return taken;
        }
    }

    public void Dispose() => _listener.Dispose();
}
