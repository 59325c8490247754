using System.Diagnostics;
using System.Diagnostics.Metrics;
using Fleet.Realtime.State;

namespace Fleet.Realtime.Diagnostics;

/// <summary>
/// Meter <c>Fleet.Realtime</c>: where a position's time goes on its way to the map — from Processing's publish to
/// routing here (Kafka + consume), and from routing to its frame being sent (frame interval + send queue).
/// </summary>
public sealed class RealtimeMetrics
{
    public const string MeterName = "Fleet.Realtime";

    public const string SnapshotStageName = "fleet.realtime.snapshot.stage";

    private readonly Counter<long> _routed;
    private readonly Counter<long> _dropped;
    private readonly Histogram<double> _consumeLag;
    private readonly Histogram<double> _frameWait;
    private readonly Histogram<double> _snapshotStage;
    private long _droppedTotal;

    public RealtimeMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _routed = meter.CreateCounter<long>("fleet.realtime.positions.routed", "{position}", "vehicle.positions messages routed to subscriptions");
        _dropped = meter.CreateCounter<long>("fleet.realtime.positions.dropped", "{position}", "Repeated or older points of a vehicle, not sent");
        _consumeLag = meter.CreateHistogram<double>("fleet.realtime.consume.lag", "ms", "Time from Processing's publish (processedTime) to routing here");
        _frameWait = meter.CreateHistogram<double>("fleet.realtime.frame.wait", "ms", "Time from a frame's first update to its send");
        _snapshotStage = meter.CreateHistogram<double>(SnapshotStageName, "ms",
            "Snapshot stages per request (tag stage): search, last-reply, redis-sum, copy-sum, chunk-wait, flush");
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

    /// <summary>One snapshot's stage times (<see cref="SnapshotStages"/>), one measurement per stage tagged <c>stage</c>.</summary>
    public void SnapshotServed(SnapshotStages stages)
    {
        _snapshotStage.Record(stages.Search.TotalMilliseconds, new KeyValuePair<string, object?>("stage", "search"));
        _snapshotStage.Record(stages.LastReply.TotalMilliseconds, new KeyValuePair<string, object?>("stage", "last-reply"));
        _snapshotStage.Record(stages.RedisSum.TotalMilliseconds, new KeyValuePair<string, object?>("stage", "redis-sum"));
        _snapshotStage.Record(stages.CopySum.TotalMilliseconds, new KeyValuePair<string, object?>("stage", "copy-sum"));
        _snapshotStage.Record(stages.ChunkWait.TotalMilliseconds, new KeyValuePair<string, object?>("stage", "chunk-wait"));
        _snapshotStage.Record(stages.Flush.TotalMilliseconds, new KeyValuePair<string, object?>("stage", "flush"));
    }
}
