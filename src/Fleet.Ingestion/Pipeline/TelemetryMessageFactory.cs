using Fleet.Contracts.Telemetry;
using Fleet.Ingestion.Protocols;

namespace Fleet.Ingestion.Pipeline;

/// <summary>Normalised point → the <c>telemetry.raw</c> Protobuf message (src/Fleet.Contracts/Protos/telemetry.proto).</summary>
public static class TelemetryMessageFactory
{
    public static TelemetryMessage Create(string deviceId, string protocol, TelemetryPoint point, DateTimeOffset serverTime, string instance)
    {
        ArgumentNullException.ThrowIfNull(point);
        var message = new TelemetryMessage
        {
            DeviceId = deviceId,
            DeviceTimeMs = point.DeviceTime.ToUnixTimeMilliseconds(),
            ServerTimeMs = serverTime.ToUnixTimeMilliseconds(),
            Lat = point.Latitude,
            Lon = point.Longitude,
            Valid = point.Valid,
            Alarm = point.Alarm ?? string.Empty,
            Protocol = protocol,
            IngestionInstance = instance,
        };
        if (point.SpeedKmh is { } speed) message.SpeedKmh = speed;
        if (point.Heading is { } heading) message.Heading = heading;
        if (point.AltitudeM is { } altitude) message.AltitudeM = altitude;
        if (point.Satellites is { } satellites) message.Satellites = satellites;
        if (point.Hdop is { } hdop) message.Hdop = hdop;
        if (point.Ignition is { } ignition) message.Ignition = ignition;
        if (point.FuelL is { } fuel) message.FuelL = fuel;
        if (point.OdometerKm is { } odometer) message.OdometerKm = odometer;
        foreach (var (key, value) in point.Attributes)
        {
            message.Attributes[key] = value;
        }

        return message;
    }
}
