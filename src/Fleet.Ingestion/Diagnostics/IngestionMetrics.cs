using System.Diagnostics.Metrics;
using System.Text;

namespace Fleet.Ingestion.Diagnostics;

/// <summary>The gate's instruments on meter <c>Fleet.Ingestion</c>; every one is tagged with the protocol.</summary>
public sealed class IngestionMetrics
{
    public const string MeterName = "Fleet.Ingestion";

    private readonly Counter<long> _connections;
    private readonly UpDownCounter<long> _openConnections;
    private readonly Counter<long> _packets;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _decodeErrors;
    private readonly Counter<long> _refusedFrames;
    private readonly Histogram<double> _deliveryLatency;

    public IngestionMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _connections = meter.CreateCounter<long>("fleet.ingestion.connections", "{connection}", "Device connections accepted");
        _openConnections = meter.CreateUpDownCounter<long>("fleet.ingestion.connections.open", "{connection}", "Device connections open now");
        _packets = meter.CreateCounter<long>("fleet.ingestion.packets", "{packet}", "Frames, datagrams and requests received");
        _accepted = meter.CreateCounter<long>("fleet.ingestion.points.accepted", "{point}", "Points Kafka confirmed");
        _rejected = meter.CreateCounter<long>("fleet.ingestion.points.rejected", "{point}", "Points dropped by validation, per reason");
        _decodeErrors = meter.CreateCounter<long>("fleet.ingestion.decode.errors", "{frame}", "Frames that could not be read, per reason");
        _refusedFrames = meter.CreateCounter<long>("fleet.ingestion.frames.refused", "{frame}", "Readable frames not acknowledged (trust, rate, Kafka), per reason");
        _deliveryLatency = meter.CreateHistogram<double>("fleet.ingestion.kafka.delivery.duration", "s", "Produce to delivery report",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
    }

    public void ConnectionOpened(string protocol)
    {
        _connections.Add(1, Tag(protocol));
        _openConnections.Add(1, Tag(protocol));
    }

    public void ConnectionClosed(string protocol) => _openConnections.Add(-1, Tag(protocol));

    public void Packet(string protocol) => _packets.Add(1, Tag(protocol));

    public void Accepted(string protocol, int count) => _accepted.Add(count, Tag(protocol));

    public void Rejected(string protocol, string reason) =>
        _rejected.Add(1, Tag(protocol), new KeyValuePair<string, object?>("reason", reason));

    public void DecodeError(string protocol, string reason) =>
        _decodeErrors.Add(1, Tag(protocol), new KeyValuePair<string, object?>("reason", Normalise(reason)));

    public void Refused(string protocol, string reason) =>
        _refusedFrames.Add(1, Tag(protocol), new KeyValuePair<string, object?>("reason", reason));

    public void DeliveryLatency(string protocol, TimeSpan elapsed) => _deliveryLatency.Record(elapsed.TotalSeconds, Tag(protocol));

    private static KeyValuePair<string, object?> Tag(string protocol) => new("protocol", protocol);

    /// <summary>Decoder reasons may carry numbers ("length 123 outside ..."): fold digits so the tag stays low-cardinality.</summary>
    private static string Normalise(string reason)
    {
        var builder = new StringBuilder(Math.Min(reason.Length, 64));
        foreach (var c in reason)
        {
            if (builder.Length >= 64)
            {
                break;
            }

            if (char.IsAsciiDigit(c))
            {
                if (builder.Length == 0 || builder[^1] != 'N')
                {
                    builder.Append('N');
                }
            }
            else if (c != '\'')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
