using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Confluent.Kafka;
using Fleet.Contracts.Telemetry;
using Fleet.History;
using Fleet.Processing.Diagnostics;
using Fleet.Processing.Enrichment;
using Fleet.Processing.Presence;
using Fleet.Processing.ReadModel;
using Fleet.Processing.Workers;
using Google.Protobuf;

namespace Fleet.Processing.Sinks;

/// <summary>
/// One <c>telemetry.raw</c> batch: decode, enrich from the in-process cache, then in parallel history, current state
/// (Redis + PostgreSQL), <c>vehicle.positions</c>, presence and the DLQ. Every sink is idempotent, so a batch replayed
/// after a crash stores nothing twice.
/// </summary>
internal sealed class TelemetryBatchHandler(ReferenceResolver resolver, IHistoryStore history, ICurrentStateStore state,
    ISnapshotStore snapshots, IPositionPublisher positions, PresenceTracker presence, DeadLetterPublisher deadLetters,
    ProcessingMetrics metrics, StageTimings timings) : IBatchHandler
{
    private readonly RecentPoints _published = new();

    public async Task HandleAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken cancellationToken) =>
        await await StartAsync(batch, cancellationToken);

    /// <summary>
    /// Decodes and enriches, then starts every sink and returns: the <c>vehicle.positions</c> messages are queued in the
    /// producer before this returns, so a later batch's messages for a vehicle never overtake this one's.
    /// </summary>
    public async Task<Task> StartAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var decoded = new List<(TelemetryMessage Message, Headers? Headers)>(batch.Count);
        var poison = new List<(ConsumeResult<string, byte[]>, string)>();
        foreach (var result in batch)
        {
            if (Decode(result, out var message) is { } reason)
            {
                poison.Add((result, reason));
            }
            else
            {
                decoded.Add((message!, result.Message.Headers));
            }
        }

        timings.Add("decode", started);
        var enrichStarted = Stopwatch.GetTimestamp();
        var deviceIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (message, _) in decoded)
        {
            deviceIds.Add(message.DeviceId);
        }

        var contexts = await resolver.ResolveAsync(deviceIds);
        // An exact repeat (same device, same device time) inside the batch is handled once. Plain loops and dictionaries:
        // this runs for every point, and LINQ's grouping allocates per group and per point.
        var seen = new HashSet<(string, long)>(decoded.Count);
        var points = new List<EnrichedPoint>(decoded.Count);
        var latestByVehicle = new Dictionary<string, EnrichedPoint>(deviceIds.Count, StringComparer.Ordinal);
        var toPublish = new List<EnrichedPoint>(decoded.Count);
        var unbound = 0;
        foreach (var (message, headers) in decoded)
        {
            if (!seen.Add((message.DeviceId, message.DeviceTimeMs)))
            {
                continue;
            }

            var point = new EnrichedPoint(message, contexts.GetValueOrDefault(message.DeviceId), headers);
            points.Add(point);
            if (point.Context is null)
            {
                unbound++;
                continue;
            }

            ref var latest = ref CollectionsMarshal.GetValueRefOrAddDefault(latestByVehicle, point.Context.Vehicle.Id, out _);
            if (latest is null || point.Message.DeviceTimeMs > latest.Message.DeviceTimeMs)
            {
                latest = point;
            }

            if (!_published.Contains(message.DeviceId, message.DeviceTimeMs))
            {
                toPublish.Add(point);
            }
        }

        var latestPerVehicle = latestByVehicle.Values.ToList();
        timings.Add("enrich", enrichStarted);

        return WriteAllAsync(points, unbound, latestPerVehicle, toPublish, poison, started, cancellationToken);
    }

    private async Task WriteAllAsync(List<EnrichedPoint> points, int unbound, List<EnrichedPoint> latestPerVehicle, List<EnrichedPoint> toPublish,
        List<(ConsumeResult<string, byte[]>, string)> poison, long started, CancellationToken cancellationToken)
    {
        var sinksStarted = Stopwatch.GetTimestamp();
        await Task.WhenAll(
            timings.TimeAsync("history", () => WriteHistoryAsync(points, cancellationToken)),
            timings.TimeAsync("redis-state", () => state.UpsertAsync(latestPerVehicle)),
            timings.TimeAsync("pg-snapshot", () => snapshots.UpsertAsync(latestPerVehicle, cancellationToken)),
            timings.TimeAsync("positions", () => PublishAsync(toPublish, cancellationToken)),
            timings.TimeAsync("presence", () => presence.TouchAsync(points, cancellationToken)),
            deadLetters.SendAsync(poison, cancellationToken));
        timings.Add("sinks (wall)", sinksStarted);

        metrics.BatchDone(points.Count, unbound, toPublish.Count, Stopwatch.GetElapsedTime(started));
    }

    private static string? Decode(ConsumeResult<string, byte[]> result, out TelemetryMessage? message)
    {
        message = null;
        if (result.Message.Value is null)
        {
            return "empty value";
        }

        try
        {
            message = TelemetryMessage.Parser.ParseFrom(result.Message.Value);
        }
        catch (InvalidProtocolBufferException e)
        {
            return "not a TelemetryMessage: " + e.Message;
        }

        return message.DeviceId.Length == 0 ? "no device id" : null;
    }

    private Task WriteHistoryAsync(List<EnrichedPoint> points, CancellationToken cancellationToken) =>
        points.Count == 0 ? Task.CompletedTask : history.WriteAsync(points.Select(ToHistory).ToList(), cancellationToken);

    private async Task PublishAsync(List<EnrichedPoint> points, CancellationToken cancellationToken)
    {
        await positions.PublishAsync(points, cancellationToken);
        foreach (var point in points)
        {
            _published.Add(point.Message.DeviceId, point.Message.DeviceTimeMs);
        }
    }

    private static HistoryRecord ToHistory(EnrichedPoint point)
    {
        var m = point.Message;
        return new HistoryRecord
        {
            VehicleId = point.Context?.Vehicle.Id ?? HistoryRecord.UnboundVehicle,
            DeviceId = m.DeviceId,
            CompanyId = point.Context?.Vehicle.CompanyId ?? "",
            DeviceTime = point.DeviceTime,
            ServerTime = point.ServerTime,
            Lat = m.Lat,
            Lon = m.Lon,
            Valid = m.Valid,
            Speed = m.HasSpeedKmh ? m.SpeedKmh : null,
            Heading = m.HasHeading ? m.Heading : null,
            Altitude = m.HasAltitudeM ? m.AltitudeM : null,
            Satellites = m.HasSatellites ? m.Satellites : null,
            Hdop = m.HasHdop ? m.Hdop : null,
            Ignition = m.HasIgnition ? m.Ignition : null,
            Fuel = m.HasFuelL ? m.FuelL : null,
            Odometer = m.HasOdometerKm ? m.OdometerKm : null,
            Alarm = m.Alarm,
            AttributesJson = m.Attributes.Count == 0 ? "" : JsonSerializer.Serialize(
                new Dictionary<string, double>(m.Attributes), ProcessingJsonContext.Default.DictionaryStringDouble),
        };
    }
}
