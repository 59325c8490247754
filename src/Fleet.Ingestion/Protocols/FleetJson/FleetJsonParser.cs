using System.Globalization;
using System.Text.Json;

namespace Fleet.Ingestion.Protocols.FleetJson;

/// <summary>
/// Fleet's own JSON telemetry, over HTTP and MQTT: one object or an array (batch). Good items are kept and bad ones
/// rejected by index; only a body that is not JSON, not an object/array, or an oversized batch fails as a whole.
/// </summary>
public static class FleetJsonParser
{
    public const int MaxBatchItems = 1000;

    /// <param name="utf8">The request or MQTT payload.</param>
    /// <param name="defaultDeviceId">
    /// The device id from the MQTT topic fleet/{deviceId}/telemetry: used when an item has no deviceId; an item whose
    /// deviceId differs is rejected. Null for HTTP, where every item must carry its deviceId.
    /// </param>
    public static FleetJsonParseResult Parse(ReadOnlySpan<byte> utf8, string? defaultDeviceId = null)
    {
        if (defaultDeviceId is not null && !FleetJsonItemParser.IsAcceptableDeviceId(defaultDeviceId))
        {
            return FleetJsonParseResult.Failed("topic device id is empty, longer than 64 or has control characters");
        }

        if (!Utf8JsonBody.TryParse(utf8, out var document, out var error))
        {
            return FleetJsonParseResult.Failed(error ?? "invalid JSON");
        }

        using (document)
        {
            var root = document!.RootElement;
            switch (root.ValueKind)
            {
                case JsonValueKind.Object:
                    return new FleetJsonParseResult { Items = [FleetJsonItemParser.Parse(root, 0, defaultDeviceId)] };
                case JsonValueKind.Array:
                    return ParseBatch(root, defaultDeviceId);
                default:
                    return FleetJsonParseResult.Failed("body must be a JSON object or array, got " + root.ValueKind);
            }
        }
    }

    private static FleetJsonParseResult ParseBatch(JsonElement batch, string? defaultDeviceId)
    {
        var count = batch.GetArrayLength();
        if (count > MaxBatchItems)
        {
            return FleetJsonParseResult.Failed(
                string.Create(CultureInfo.InvariantCulture, $"batch of {count} items exceeds the maximum of {MaxBatchItems}"));
        }

        var items = new List<FleetJsonItem>(count);
        var index = 0;
        foreach (var item in batch.EnumerateArray())
        {
            items.Add(FleetJsonItemParser.Parse(item, index++, defaultDeviceId));
        }

        return new FleetJsonParseResult { Items = items };
    }
}
