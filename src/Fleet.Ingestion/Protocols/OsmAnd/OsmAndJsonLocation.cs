using System.Text.Json;
using Fleet.Ingestion.Protocols.FleetJson;

namespace Fleet.Ingestion.Protocols.OsmAnd;

/// <summary>
/// One "location" object of the Traccar Client (v9+) JSON body, the transistorsoft background-geolocation format:
/// timestamp (ISO 8601), coords {latitude, longitude, accuracy, speed m/s, heading, altitude}, is_moving, odometer (metres),
/// battery {level 0..1, is_charging}, activity, extras. Negative speed, heading, accuracy or battery level mean "unknown".
/// </summary>
internal static class OsmAndJsonLocation
{
    private const double MetresPerSecondToKmh = 3.6;

    public static bool TryParse(JsonElement location, string path, out TelemetryPoint? point, out string? error)
    {
        point = null;
        if (location.ValueKind != JsonValueKind.Object)
        {
            error = path + " must be an object";
            return false;
        }

        if (!JsonFields.TryGetString(location, "timestamp", path + ".timestamp", out var timestampText, out error)
            || !JsonFields.TryGetObject(location, "coords", path + ".coords", out var coords, out error))
        {
            return false;
        }

        if (timestampText is null || !OsmAndTimestamp.TryParseIso(timestampText, out var time))
        {
            error = path + ".timestamp missing or not ISO 8601";
            return false;
        }

        if (coords is not { } c)
        {
            error = path + ".coords missing";
            return false;
        }

        var coordsPath = path + ".coords";
        if (!JsonFields.TryGetNumber(c, "latitude", coordsPath + ".latitude", out var latitude, out error)
            || !JsonFields.TryGetNumber(c, "longitude", coordsPath + ".longitude", out var longitude, out error)
            || !JsonFields.TryGetNumber(c, "speed", coordsPath + ".speed", out var speed, out error)
            || !JsonFields.TryGetNumber(c, "heading", coordsPath + ".heading", out var heading, out error)
            || !JsonFields.TryGetNumber(c, "altitude", coordsPath + ".altitude", out var altitude, out error)
            || !JsonFields.TryGetNumber(c, "accuracy", coordsPath + ".accuracy", out var accuracy, out error))
        {
            return false;
        }

        if (latitude is not (>= -90 and <= 90) || longitude is not (>= -180 and <= 180))
        {
            error = coordsPath + ".latitude/longitude missing or out of range";
            return false;
        }

        var attributes = new Dictionary<string, double>(StringComparer.Ordinal);
        if (accuracy >= 0)
        {
            attributes["accuracy"] = accuracy.Value;
        }

        if (!OsmAndJsonExtras.TryRead(location, path, attributes, out var odometerKm, out var alarm, out error))
        {
            return false;
        }

        point = new TelemetryPoint
        {
            DeviceTime = time,
            Latitude = latitude.Value,
            Longitude = longitude.Value,
            SpeedKmh = speed >= 0 ? speed * MetresPerSecondToKmh : null,
            Heading = heading is >= 0 and <= 360 ? heading : null,
            AltitudeM = altitude,
            OdometerKm = odometerKm,
            Alarm = alarm,
            Attributes = attributes.Count == 0 ? TelemetryPoint.EmptyAttributes : attributes,
        };

        return true;
    }
}
