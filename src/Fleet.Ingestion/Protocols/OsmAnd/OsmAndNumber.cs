using System.Globalization;

namespace Fleet.Ingestion.Protocols.OsmAnd;

/// <summary>Query values: invariant culture, finite numbers only ("NaN" and "Infinity" are not positions).</summary>
internal static class OsmAndNumber
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public static bool TryParse(string value, out double number) =>
        double.TryParse(value, Style, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);

    /// <summary>Java's Boolean.parseBoolean plus "1", as Traccar reads "valid" and "charge": anything else is false.</summary>
    public static bool IsTrue(string value) => value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Strict flag: true/false/1/0 only.</summary>
    public static bool TryParseFlag(string value, out bool flag)
    {
        flag = IsTrue(value);
        return flag || value == "0" || value.Equals("false", StringComparison.OrdinalIgnoreCase);
    }
}
