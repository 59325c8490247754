using System.Text;

namespace Fleet.Ingestion.Protocols.Wialon;

/// <summary>
/// The D packet's params field: "NAME:TYPE:VALUE" items separated by commas, TYPE 1 = integer, 2 = double, 3 = string.
/// Numeric values become attributes (key = lower-cased name, as Traccar does); string values carry nothing numeric and are skipped.
/// </summary>
internal static class WialonParamsParser
{
    private const int MaxNameLength = 64;

    public static bool TryParse(
        ReadOnlySpan<byte> text, WialonParams mapped, Dictionary<string, double> attributes, out string? error)
    {
        error = null;
        while (!text.IsEmpty)
        {
            var end = text.IndexOf((byte)',');
            var item = end < 0 ? text : text[..end];
            text = end < 0 ? default : text[(end + 1)..];
            if (!TryParseItem(item, mapped, attributes, out error))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryParseItem(
        ReadOnlySpan<byte> item, WialonParams mapped, Dictionary<string, double> attributes, out string? error)
    {
        error = null;
        var nameEnd = item.IndexOf((byte)':');
        var typeEnd = nameEnd < 0 ? -1 : item[(nameEnd + 1)..].IndexOf((byte)':');
        if (nameEnd is < 1 or > MaxNameLength || typeEnd != 1)
        {
            error = "param '" + Describe(item) + "' is not NAME:TYPE:VALUE";
            return false;
        }

        var type = item[nameEnd + 1];
        var value = item[(nameEnd + 3)..];
        double number;
        switch (type)
        {
            case (byte)'1' when WialonNumber.TryParseLong(value, out var integer):
                number = integer;
                break;
            case (byte)'2' when WialonNumber.TryParseFloat(value, out var real):
                number = real;
                break;
            case (byte)'3':
                return true;
            default:
                error = "param '" + Describe(item) + "' has a bad type or value";
                return false;
        }

        var name = Encoding.UTF8.GetString(item[..nameEnd]).ToLowerInvariant();
        switch (name)
        {
            case "ign" or "ignition":
                mapped.Ignition = number != 0;
                break;
            case "odometer" or "mileage":
                mapped.OdometerKm = number;
                break;
            case "fuel":
                mapped.FuelL = number;
                break;
            default:
                attributes[name] = number;
                break;
        }

        return true;
    }

    /// <summary>Error text quotes device input: keep it short and printable.</summary>
    private static string Describe(ReadOnlySpan<byte> item)
    {
        var text = Encoding.UTF8.GetString(item[..Math.Min(item.Length, 40)]);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return builder.ToString();
    }
}
