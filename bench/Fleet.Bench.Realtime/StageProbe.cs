using System.Diagnostics.Metrics;
using Fleet.Realtime.Diagnostics;

namespace Fleet.Bench.Realtime;

/// <summary>
/// Listens to the service's own histograms (meter <c>Fleet.Realtime</c>) to split delivery latency into stages:
/// publish → routed (Kafka + consume) and routed → frame sent (frame interval + send queue).
/// </summary>
internal sealed class StageProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _lock = new();
    private List<double> _consumeLag = [];
    private List<double> _frameWait = [];

    public StageProbe()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RealtimeMetrics.MeterName && instrument is Histogram<double> && instrument.Name != RealtimeMetrics.SnapshotStageName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            lock (_lock)
            {
                (instrument.Name == "fleet.realtime.consume.lag" ? _consumeLag : _frameWait).Add(value);
            }
        });
        _listener.Start();
    }

    public (List<double> ConsumeLag, List<double> FrameWait) Take()
    {
        lock (_lock)
        {
            var taken = (_consumeLag, _frameWait);
            (_consumeLag, _frameWait) = ([], []);
            return taken;
        }
    }

    public void Dispose() => _listener.Dispose();
}
