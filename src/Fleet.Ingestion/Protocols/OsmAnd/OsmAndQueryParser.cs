using System.Globalization;

namespace Fleet.Ingestion.Protocols.OsmAnd;

/// <summary>
/// The query / form format ("?id=..&amp;lat=..&amp;lon=..&amp;timestamp=..&amp;speed=.."), names as Traccar's
/// OsmAndProtocolDecoder reads them. Speed is in knots. A known parameter with an unreadable value rejects the
/// request (Traccar fails it too); unknown numeric or true/false parameters become attributes.
/// </summary>
internal static class OsmAndQueryParser
{
    private const double KnotsToKmh = 1.852;
    private const int MaxAttributes = 64;
    private const int MaxAttributeKeyLength = 64;

    public static OsmAndParseResult Parse(IEnumerable<KeyValuePair<string, string>> parameters, DateTimeOffset? receivedAt)
    {
        var fields = new OsmAndQueryFields();
        foreach (var (key, value) in parameters)
        {
            // Newer Traccar Client versions send empty values for unknown readings.
            if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(value))
            {
                continue;
            }

            var error = Apply(fields, key, value);
            if (error is not null)
            {
                return OsmAndParseResult.Rejected(error, fields.DeviceId);
            }
        }

        return Build(fields, receivedAt);
    }

    private static string? Apply(OsmAndQueryFields fields, string key, string value)
    {
        switch (key)
        {
            case "id" or "deviceid":
                fields.DeviceId = value;
                return null;
            case "timestamp":
                if (!OsmAndTimestamp.TryParse(value, out var time))
                {
                    return "timestamp '" + Shorten(value) + "' is neither unix time, ISO 8601 nor yyyy-MM-dd HH:mm:ss";
                }

                fields.Time = time;
                return null;
            case "location":
                var comma = value.IndexOf(',', StringComparison.Ordinal);
                if (comma < 0 || !OsmAndNumber.TryParse(value[..comma], out var latitude)
                    || !OsmAndNumber.TryParse(value[(comma + 1)..], out var longitude))
                {
                    return "location '" + Shorten(value) + "' is not latitude,longitude";
                }

                (fields.Latitude, fields.Longitude) = (latitude, longitude);
                return null;
            case "valid":
                fields.Valid = OsmAndNumber.IsTrue(value);
                return null;
            case "ignition":
                if (!OsmAndNumber.TryParseFlag(value, out var ignition))
                {
                    return "ignition '" + Shorten(value) + "' is not true/false";
                }

                fields.Ignition = ignition;
                return null;
            case "charge":
                fields.Attributes["charge"] = OsmAndNumber.IsTrue(value) ? 1 : 0;
                return null;
            case "cell" or "wifi" or "driverUniqueId" or "notificationToken":
                return null; // text values: nothing numeric to keep
            default:
                return ApplyNumber(fields, key, value);
        }
    }

    private static string? ApplyNumber(OsmAndQueryFields fields, string key, string value)
    {
        if (!OsmAndNumber.TryParse(value, out var number))
        {
            // Unknown text parameters are skipped; the known numeric ones must be numbers.
            return IsKnownNumeric(key) ? key + " '" + Shorten(value) + "' is not a number" : null;
        }

        switch (key)
        {
            case "lat": fields.Latitude = number; break;
            case "lon": fields.Longitude = number; break;

            // Android reports -1 for "unknown" speed and bearing.
            case "speed": fields.SpeedKmh = number >= 0 ? number * KnotsToKmh : null; break;
            case "bearing" or "heading": fields.Heading = number >= 0 ? number : null; break;
            case "altitude": fields.AltitudeM = number; break;
            case "hdop": fields.Hdop = number; break;
            case "sat": fields.Satellites = number is >= 0 and <= 255 ? (int)number : null; break;
            case "fuel": fields.FuelL = number; break;

            // Traccar keeps odometer in metres; Fleet in kilometres.
            case "odometer": fields.OdometerKm = number / 1000; break;
            case "batt": fields.Attributes["batteryLevel"] = number; break;
            case "accuracy": fields.Attributes["accuracy"] = number; break;
            default:
                if (key.Length <= MaxAttributeKeyLength && fields.Attributes.Count < MaxAttributes && !key.Any(char.IsControl))
                {
                    fields.Attributes[key] = number;
                }

                break;
        }

        return null;
    }

    private static bool IsKnownNumeric(string key) => key is "lat" or "lon" or "speed" or "bearing" or "heading"
        or "altitude" or "hdop" or "sat" or "fuel" or "odometer" or "batt" or "accuracy";

    private static OsmAndParseResult Build(OsmAndQueryFields fields, DateTimeOffset? receivedAt)
    {
        if (!OsmAndDeviceId.IsAcceptable(fields.DeviceId))
        {
            return OsmAndParseResult.Rejected(fields.DeviceId is null ? "id missing" : "id is empty, too long or has control characters");
        }

        if (fields.Latitude is not { } latitude || fields.Longitude is not { } longitude)
        {
            return OsmAndParseResult.Rejected("lat/lon missing", fields.DeviceId);
        }

        if (latitude is < -90 or > 90 || longitude is < -180 or > 180)
        {
            return OsmAndParseResult.Rejected(
                string.Create(CultureInfo.InvariantCulture, $"lat/lon {latitude},{longitude} out of range"), fields.DeviceId);
        }

        if (fields.Heading > 360)
        {
            return OsmAndParseResult.Rejected("heading above 360", fields.DeviceId);
        }

        if ((fields.Time ?? receivedAt) is not { } time)
        {
            return OsmAndParseResult.Rejected("timestamp missing", fields.DeviceId);
        }

        var point = new TelemetryPoint
        {
            DeviceTime = time,
            Latitude = latitude,
            Longitude = longitude,
            Valid = fields.Valid,
            SpeedKmh = fields.SpeedKmh,
            Heading = fields.Heading,
            AltitudeM = fields.AltitudeM,
            Satellites = fields.Satellites,
            Hdop = fields.Hdop,
            Ignition = fields.Ignition,
            FuelL = fields.FuelL,
            OdometerKm = fields.OdometerKm,
            Attributes = fields.Attributes.Count == 0 ? TelemetryPoint.EmptyAttributes : fields.Attributes,
        };

        return new OsmAndParseResult { DeviceId = fields.DeviceId, Points = [point] };
    }

    private static string Shorten(string value) => value.Length <= 32 ? value : value[..32] + "...";
}
