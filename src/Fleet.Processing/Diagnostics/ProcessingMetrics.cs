using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Fleet.Processing.Diagnostics;

/// <summary>Meter <c>Fleet.Processing</c>: points (rate = points/s), unbound points, DLQ, batch latency, consumer lag.</summary>
internal sealed class ProcessingMetrics
{
    public const string MeterName = "Fleet.Processing";

    /// <summary>Spans of the publish step, children of the telemetry.raw trace context.</summary>
    public static readonly ActivitySource ActivitySource = new(MeterName);

    private readonly Counter<long> _points;
    private readonly Counter<long> _unbound;
    private readonly Counter<long> _published;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _deviceEvents;
    private readonly Histogram<double> _batchDuration;
    private long _lag;
    private long _pointsTotal;
    private long _unboundTotal;
    private long _deadLetteredTotal;

    public ProcessingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _points = meter.CreateCounter<long>("fleet.processing.points", "{point}", "Telemetry points processed through every side effect");
        _unbound = meter.CreateCounter<long>("fleet.processing.points.unbound", "{point}", "Points of devices bound to no vehicle (history only)");
        _published = meter.CreateCounter<long>("fleet.processing.positions.published", "{message}", "Messages published to vehicle.positions");
        _deadLettered = meter.CreateCounter<long>("fleet.processing.dlq", "{message}", "Poison messages sent to <topic>.dlq");
        _deviceEvents = meter.CreateCounter<long>("fleet.processing.device_events", "{event}", "online/offline events published");
        _batchDuration = meter.CreateHistogram<double>("fleet.processing.batch.duration", "s", "Time from batch flush to every side effect done");
        meter.CreateObservableGauge("fleet.processing.lag", () => Interlocked.Read(ref _lag), "{message}", "telemetry.raw messages not yet consumed");
    }

    // Batches finish concurrently (pipelined worker): the totals are updated atomically.
    public long PointsTotal => Interlocked.Read(ref _pointsTotal);

    public long UnboundTotal => Interlocked.Read(ref _unboundTotal);

    public long DeadLetteredTotal => Interlocked.Read(ref _deadLetteredTotal);

    public void BatchDone(int points, int unbound, int published, TimeSpan duration)
    {
        Interlocked.Add(ref _pointsTotal, points);
        Interlocked.Add(ref _unboundTotal, unbound);
        _points.Add(points);
        _unbound.Add(unbound);
        _published.Add(published);
        _batchDuration.Record(duration.TotalSeconds);
    }

    public void DeadLettered(string topic)
    {
        Interlocked.Increment(ref _deadLetteredTotal);
        _deadLettered.Add(1, new KeyValuePair<string, object?>("topic", topic));
    }

    public void DeviceEvent(string type) => _deviceEvents.Add(1, new KeyValuePair<string, object?>("type", type));

    public void Lag(long messages) => Interlocked.Exchange(ref _lag, messages);
}
