using System.Text.Json;

namespace Fleet.Ingestion.Protocols.FleetJson;

/// <summary>
/// Typed reads of optional object members with errors that name the member's path ("location.coords.speed must be a number").
/// A missing member and an explicit null both read as "absent". Shared by the Fleet JSON and OsmAnd JSON parsers.
/// </summary>
internal static class JsonFields
{
    public static bool TryGetNumber(JsonElement parent, string name, string path, out double? value, out string? error)
    {
        value = null;
        error = null;
        if (!TryGetPresent(parent, name, out var member))
        {
            return true;
        }

        if (member.ValueKind != JsonValueKind.Number || !member.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            error = path + " must be a number";
            return false;
        }

        value = number;
        return true;
    }

    public static bool TryGetBoolean(JsonElement parent, string name, string path, out bool? value, out string? error)
    {
        value = null;
        error = null;
        if (!TryGetPresent(parent, name, out var member))
        {
            return true;
        }

        if (member.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            error = path + " must be true or false";
            return false;
        }

        value = member.ValueKind == JsonValueKind.True;
        return true;
    }

    public static bool TryGetString(JsonElement parent, string name, string path, out string? value, out string? error)
    {
        value = null;
        error = null;
        if (!TryGetPresent(parent, name, out var member))
        {
            return true;
        }

        if (member.ValueKind != JsonValueKind.String)
        {
            error = path + " must be a string";
            return false;
        }

        value = member.GetString();
        return true;
    }

    public static bool TryGetObject(JsonElement parent, string name, string path, out JsonElement? value, out string? error)
    {
        value = null;
        error = null;
        if (!TryGetPresent(parent, name, out var member))
        {
            return true;
        }

        if (member.ValueKind != JsonValueKind.Object)
        {
            error = path + " must be an object";
            return false;
        }

        value = member;
        return true;
    }

    private static bool TryGetPresent(JsonElement parent, string name, out JsonElement member) =>
        parent.TryGetProperty(name, out member) && member.ValueKind != JsonValueKind.Null;
}
