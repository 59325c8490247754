using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Fleet.Realtime.Diagnostics;

/// <summary>
/// Meter <c>Fleet.Realtime</c>: where a position's time goes on its way to the map — from Processing's publish to
/// routing here (Kafka + consume), and from routing to its frame being sent (frame interval + send queue).
/// </summary>
public sealed class RealtimeMetrics
{
    public const string MeterName = "Fleet.Realtime";

    private readonly Counter<long> _routed;
    private readonly Counter<long> _dropped;
    private readonly Histogram<double> _consumeLag;
    private readonly Histogram<double> _frameWait;
    private long _droppedTotal;

    public RealtimeMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _routed = meter.CreateCounter<long>("fleet.realtime.positions.routed", "{position}", "vehicle.positions messages routed to subscriptions");
        _dropped = meter.CreateCounter<long>("fleet.realtime.positions.dropped", "{position}", "Repeated or older points of a vehicle, not sent");
        _consumeLag = meter.CreateHistogram<double>("fleet.realtime.consume.lag", "ms", "Time from Processing's publish (processedTime) to routing here");
        _frameWait = meter.CreateHistogram<double>("fleet.realtime.frame.wait", "ms", "Time from a frame's first update to its send");
    }

    /// <summary>Points dropped since start (repeats and late points).</summary>
    public long DroppedTotal => Interlocked.Read(ref _droppedTotal);

    public void Routed(DateTimeOffset processedTime, DateTimeOffset now)
    {
        _routed.Add(1);
        if (processedTime != default)
        {
            _consumeLag.Record((now - processedTime).TotalMilliseconds);
        }
    }

    public void Dropped()
    {
        Interlocked.Increment(ref _droppedTotal);
        _dropped.Add(1);
    }

    public void FrameSent(long firstUpdateTimestamp) =>
        _frameWait.Record(Stopwatch.GetElapsedTime(firstUpdateTimestamp).TotalMilliseconds);
}
