using System.Globalization;
using System.Text.Json;
using Fleet.Ingestion.Protocols.FleetJson;

namespace Fleet.Ingestion.Protocols.OsmAnd;

/// <summary>
/// The JSON body of Traccar Client 9+: {"location": {...} , "device_id": "..."}. "location" may also be an array
/// (the SDK's batch upload); any bad location rejects the request, so the client retries it whole.
/// </summary>
internal static class OsmAndJsonParser
{
    public const int MaxLocations = 1000;

    public static OsmAndParseResult Parse(ReadOnlySpan<byte> utf8)
    {
        if (!Utf8JsonBody.TryParse(utf8, out var document, out var error))
        {
            return OsmAndParseResult.Rejected(error ?? "invalid JSON");
        }

        using (document)
        {
            var root = document!.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return OsmAndParseResult.Rejected("body must be a JSON object, got " + root.ValueKind);
            }

            if (!JsonFields.TryGetString(root, "device_id", "device_id", out var deviceId, out error))
            {
                return OsmAndParseResult.Rejected(error ?? "bad device_id");
            }

            if (!OsmAndDeviceId.IsAcceptable(deviceId))
            {
                return OsmAndParseResult.Rejected(deviceId is null ? "device_id missing" : "device_id is empty, too long or has control characters");
            }

            if (!root.TryGetProperty("location", out var location))
            {
                return OsmAndParseResult.Rejected("location missing", deviceId);
            }

            return location.ValueKind == JsonValueKind.Array ? ParseMany(location, deviceId!) : ParseOne(location, deviceId!);
        }
    }

    private static OsmAndParseResult ParseOne(JsonElement location, string deviceId) =>
        OsmAndJsonLocation.TryParse(location, "location", out var point, out var error)
            ? new OsmAndParseResult { DeviceId = deviceId, Points = [point!] }
            : OsmAndParseResult.Rejected(error ?? "bad location", deviceId);

    private static OsmAndParseResult ParseMany(JsonElement locations, string deviceId)
    {
        var count = locations.GetArrayLength();
        if (count is 0 or > MaxLocations)
        {
            return OsmAndParseResult.Rejected(
                string.Create(CultureInfo.InvariantCulture, $"location array must hold 1 to {MaxLocations} items, has {count}"), deviceId);
        }

        var points = new List<TelemetryPoint>(count);
        var index = 0;
        foreach (var location in locations.EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"location[{index++}]");
            if (!OsmAndJsonLocation.TryParse(location, path, out var point, out var error))
            {
                return OsmAndParseResult.Rejected(error ?? path + " is bad", deviceId);
            }

            points.Add(point!);
        }

        return new OsmAndParseResult { DeviceId = deviceId, Points = points };
    }
}
