using System.Globalization;
using System.Text.Json;

namespace Fleet.Ingestion.Protocols.FleetJson;

/// <summary>
/// One telemetry object: deviceId, timestamp, lat, lon required (deviceId may come from the MQTT topic instead);
/// speed (km/h), heading, altitude (m), satellites, hdop, ignition, fuel (l), odometer (km), attributes optional.
/// A wrong-typed or out-of-range field rejects this item only. Unknown members are ignored.
/// </summary>
internal static class FleetJsonItemParser
{
    public const int MaxDeviceIdLength = 64;
    private const int MaxAttributes = 64;
    private const int MaxAttributeKeyLength = 64;

    public static FleetJsonItem Parse(JsonElement item, int index, string? defaultDeviceId)
    {
        if (TryParse(item, defaultDeviceId, out var deviceId, out var point, out var error))
        {
            return new FleetJsonItem { Index = index, DeviceId = deviceId, Point = point };
        }

        return new FleetJsonItem
        {
            Index = index,
            DeviceId = deviceId,
            RejectReason = string.Create(CultureInfo.InvariantCulture, $"index {index}: {error}"),
        };
    }

    public static bool IsAcceptableDeviceId(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= MaxDeviceIdLength && !value.Any(char.IsControl);

    private static bool TryParse(
        JsonElement item, string? defaultDeviceId, out string? deviceId, out TelemetryPoint? point, out string? error)
    {
        deviceId = defaultDeviceId;
        point = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            error = "item is not an object";
            return false;
        }

        if (!TryReadDeviceId(item, defaultDeviceId, out deviceId, out error)
            || !TryReadTimestamp(item, out var time, out error)
            || !JsonFields.TryGetNumber(item, "lat", "lat", out var latitude, out error)
            || !JsonFields.TryGetNumber(item, "lon", "lon", out var longitude, out error))
        {
            return false;
        }

        error = (latitude, longitude) switch
        {
            (null, _) => "lat missing",
            (_, null) => "lon missing",
            ( < -90 or > 90, _) => "lat out of range [-90, 90]",
            (_, < -180 or > 180) => "lon out of range [-180, 180]",
            _ => null,
        };

        point = error is null ? ReadPoint(item, time, latitude!.Value, longitude!.Value, out error) : null;
        return point is not null;
    }

    private static bool TryReadDeviceId(JsonElement item, string? defaultDeviceId, out string? deviceId, out string? error)
    {
        deviceId = defaultDeviceId;
        if (!JsonFields.TryGetString(item, "deviceId", "deviceId", out var bodyId, out error))
        {
            return false;
        }

        if (bodyId is not null && defaultDeviceId is not null && !string.Equals(bodyId, defaultDeviceId, StringComparison.Ordinal))
        {
            error = "deviceId differs from the topic's device id";
            return false;
        }

        deviceId = bodyId ?? defaultDeviceId;
        if (!IsAcceptableDeviceId(deviceId))
        {
            error = deviceId is null ? "deviceId missing" : "deviceId is empty, longer than 64 or has control characters";
            deviceId = null;
            return false;
        }

        return true;
    }

    private static bool TryReadTimestamp(JsonElement item, out DateTimeOffset time, out string? error)
    {
        time = default;
        if (!item.TryGetProperty("timestamp", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            error = "timestamp missing";
            return false;
        }

        return FleetJsonTimestamp.TryRead(value, out time, out error);
    }

    /// <summary>Reads the optional members and builds the point; null with <paramref name="error"/> when one is bad.</summary>
    private static TelemetryPoint? ReadPoint(
        JsonElement item, DateTimeOffset time, double latitude, double longitude, out string? error)
    {
        if (!JsonFields.TryGetNumber(item, "speed", "speed", out var speed, out error)
            || !JsonFields.TryGetNumber(item, "heading", "heading", out var heading, out error)
            || !JsonFields.TryGetNumber(item, "altitude", "altitude", out var altitude, out error)
            || !JsonFields.TryGetNumber(item, "satellites", "satellites", out var satellites, out error)
            || !JsonFields.TryGetNumber(item, "hdop", "hdop", out var hdop, out error)
            || !JsonFields.TryGetBoolean(item, "ignition", "ignition", out var ignition, out error)
            || !JsonFields.TryGetNumber(item, "fuel", "fuel", out var fuel, out error)
            || !JsonFields.TryGetNumber(item, "odometer", "odometer", out var odometer, out error)
            || !JsonFields.TryGetObject(item, "attributes", "attributes", out var attributesElement, out error))
        {
            return null;
        }

        error = FirstRangeError(speed, heading, satellites, hdop, fuel, odometer);
        var attributes = TelemetryPoint.EmptyAttributes;
        if (error is not null || (attributesElement is { } a && !TryReadAttributes(a, out attributes, out error)))
        {
            return null;
        }

        return new TelemetryPoint
        {
            DeviceTime = time,
            Latitude = latitude,
            Longitude = longitude,
            SpeedKmh = speed,
            Heading = heading,
            AltitudeM = altitude,
            Satellites = (int?)satellites,
            Hdop = hdop,
            Ignition = ignition,
            FuelL = fuel,
            OdometerKm = odometer,
            Attributes = attributes,
        };
    }

    private static string? FirstRangeError(
        double? speed, double? heading, double? satellites, double? hdop, double? fuel, double? odometer) =>
        speed < 0 ? "speed must be >= 0"
        : heading is < 0 or > 360 ? "heading must be within [0, 360]"
        : satellites is { } s && (s < 0 || s > 255 || s != Math.Floor(s)) ? "satellites must be an integer within [0, 255]"
        : hdop < 0 ? "hdop must be >= 0"
        : fuel < 0 ? "fuel must be >= 0"
        : odometer < 0 ? "odometer must be >= 0"
        : null;

    private static bool TryReadAttributes(JsonElement element, out IReadOnlyDictionary<string, double> attributes, out string? error)
    {
        attributes = TelemetryPoint.EmptyAttributes;
        error = null;
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.Length is 0 or > MaxAttributeKeyLength || values.Count == MaxAttributes)
            {
                error = string.Create(
                    CultureInfo.InvariantCulture, $"attributes allow at most {MaxAttributes} keys of 1 to {MaxAttributeKeyLength} characters");
                return false;
            }

            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Number when property.Value.TryGetDouble(out var number) && double.IsFinite(number):
                    values[property.Name] = number;
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    values[property.Name] = property.Value.ValueKind == JsonValueKind.True ? 1 : 0;
                    break;
                default:
                    error = "attributes." + property.Name + " must be a number or boolean";
                    return false;
            }
        }

        if (values.Count > 0)
        {
            attributes = values;
        }

        return true;
    }
}
