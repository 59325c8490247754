using System.Text.Json;
using Fleet.Ingestion.Protocols.FleetJson;

namespace Fleet.Ingestion.Protocols.OsmAnd;

/// <summary>
/// Everything in a location besides time and coords: motion, odometer, battery, mock flag, alarm and the free-form
/// "extras" object (numbers and booleans become attributes, as Traccar keeps them; text is skipped, "alarm" excepted).
/// </summary>
internal static class OsmAndJsonExtras
{
    private const int MaxExtras = 64;
    private const int MaxKeyLength = 64;

    public static bool TryRead(
        JsonElement location,
        string path,
        Dictionary<string, double> attributes,
        out double? odometerKm,
        out string? alarm,
        out string? error)
    {
        odometerKm = null;
        alarm = null;
        if (!JsonFields.TryGetBoolean(location, "is_moving", path + ".is_moving", out var moving, out error)
            || !JsonFields.TryGetBoolean(location, "mock", path + ".mock", out var mock, out error)
            || !JsonFields.TryGetNumber(location, "odometer", path + ".odometer", out var odometerMetres, out error)
            || !JsonFields.TryGetString(location, "alarm", path + ".alarm", out alarm, out error)
            || !JsonFields.TryGetObject(location, "battery", path + ".battery", out var battery, out error)
            || !JsonFields.TryGetObject(location, "extras", path + ".extras", out var extras, out error))
        {
            return false;
        }

        SetFlag(attributes, "motion", moving);
        SetFlag(attributes, "mock", mock);
        odometerKm = odometerMetres >= 0 ? odometerMetres / 1000 : null;

        if (battery is { } b)
        {
            if (!JsonFields.TryGetNumber(b, "level", path + ".battery.level", out var level, out error)
                || !JsonFields.TryGetBoolean(b, "is_charging", path + ".battery.is_charging", out var charging, out error))
            {
                return false;
            }

            if (level >= 0)
            {
                attributes["batteryLevel"] = Math.Round(level.Value * 100, 1);
            }

            SetFlag(attributes, "charge", charging);
        }

        if (extras is { } e)
        {
            alarm ??= ReadExtras(e, attributes);
        }

        return true;
    }

    /// <summary>Copies numeric and boolean extras; returns extras.alarm when it is text.</summary>
    private static string? ReadExtras(JsonElement extras, Dictionary<string, double> attributes)
    {
        string? alarm = null;
        var copied = 0;
        foreach (var property in extras.EnumerateObject())
        {
            if (property.NameEquals("alarm") && property.Value.ValueKind == JsonValueKind.String)
            {
                alarm = property.Value.GetString();
                continue;
            }

            if (copied >= MaxExtras || property.Name.Length > MaxKeyLength || property.Name.Length == 0)
            {
                continue;
            }

            double? value = property.Value.ValueKind switch
            {
                JsonValueKind.Number when property.Value.TryGetDouble(out var number) && double.IsFinite(number) => number,
                JsonValueKind.True => 1,
                JsonValueKind.False => 0,
                _ => null,
            };

            if (value is { } v)
            {
                attributes[property.Name] = v;
                copied++;
            }
        }

        return alarm;
    }

    private static void SetFlag(Dictionary<string, double> attributes, string key, bool? flag)
    {
        if (flag is { } f)
        {
            attributes[key] = f ? 1 : 0;
        }
    }
}
