using Confluent.Kafka;
using Fleet.Contracts.Telemetry;
using Fleet.Processing.Enrichment;

namespace Fleet.Processing.Sinks;

/// <summary>One decoded <c>telemetry.raw</c> point with its context (null when the device is bound to no vehicle).</summary>
internal sealed record EnrichedPoint(TelemetryMessage Message, VehicleContext? Context, Headers? Headers)
{
    public DateTimeOffset DeviceTime { get; } = DateTimeOffset.FromUnixTimeMilliseconds(Message.DeviceTimeMs);

    public DateTimeOffset ServerTime { get; } = DateTimeOffset.FromUnixTimeMilliseconds(Message.ServerTimeMs);

    public string Status(double movingSpeedKmh) => Message.HasSpeedKmh && Message.SpeedKmh >= movingSpeedKmh ? PointStatus.Moving : PointStatus.Stopped;
}
