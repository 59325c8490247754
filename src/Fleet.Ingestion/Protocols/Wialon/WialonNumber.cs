using System.Globalization;

namespace Fleet.Ingestion.Protocols.Wialon;

/// <summary>Number parsing for Wialon text fields: invariant culture, no exponent, finite values only.</summary>
internal static class WialonNumber
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>"NA" is the protocol's "no data"; real devices also leave fields empty (Traccar test packets).</summary>
    public static bool IsNotAvailable(ReadOnlySpan<byte> field) => field.IsEmpty || field.SequenceEqual("NA"u8);

    public static bool TryParseDouble(ReadOnlySpan<byte> field, out double value) =>
        double.TryParse(field, DecimalStyle, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Type-2 params may use an exponent ("1.5E3"); still finite only.</summary>
    public static bool TryParseFloat(ReadOnlySpan<byte> field, out double value) =>
        double.TryParse(field, DecimalStyle | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    public static bool TryParseLong(ReadOnlySpan<byte> field, out long value) =>
        long.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public static bool TryParseUnsigned(ReadOnlySpan<byte> field, out ulong value) =>
        ulong.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>"NA"/empty gives null; anything else must be a finite decimal number.</summary>
    public static bool TryParseOptionalDouble(ReadOnlySpan<byte> field, out double? value)
    {
        value = null;
        if (IsNotAvailable(field))
        {
            return true;
        }

        if (!TryParseDouble(field, out var number))
        {
            return false;
        }

        value = number;
        return true;
    }

    /// <summary>Parses exactly <paramref name="digits"/>.Length ASCII digits; false on anything else.</summary>
    public static bool TryParseDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 9)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
