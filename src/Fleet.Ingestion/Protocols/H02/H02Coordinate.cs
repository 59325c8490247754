using System.Globalization;

namespace Fleet.Ingestion.Protocols.H02;

/// <summary>
/// Parses H02 NMEA-style coordinates "ddmm.mmmm" / "dddmm.mmmm" (any number of degree digits and decimals),
/// the "-dd-mm.mmmm" form some firmwares send, and "ddmmmmmm" without a dot (4 implied decimals).
/// </summary>
internal static class H02Coordinate
{
    public static bool TryParse(string text, char hemisphere, double maxDegrees, out double degrees)
    {
        degrees = 0;
        string value = text.Trim();
        string degreeText;
        string minuteText;
        if (value.StartsWith('-'))
        {
            int separator = value.IndexOf('-', 1);
            if (separator < 0)
            {
                return false;
            }

            degreeText = value[1..separator];
            minuteText = value[(separator + 1)..];
        }
        else
        {
            int dot = value.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                if (value.Length < 6)
                {
                    return false;
                }

                degreeText = value[..^6];
                minuteText = string.Concat(value.AsSpan(value.Length - 6, 2), ".", value.AsSpan(value.Length - 4));
            }
            else
            {
                if (dot < 2)
                {
                    return false;
                }

                degreeText = value[..(dot - 2)];
                minuteText = value[(dot - 2)..];
            }
        }

        if (!IsDigits(degreeText) || degreeText.Length > 3
            || !double.TryParse(minuteText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double minutes)
            || minutes >= 60)
        {
            return false;
        }

        int wholeDegrees = degreeText.Length == 0 ? 0 : int.Parse(degreeText, NumberStyles.None, CultureInfo.InvariantCulture);
        double absolute = wholeDegrees + (minutes / 60.0);
        if (absolute > maxDegrees)
        {
            return false;
        }

        degrees = hemisphere is 'S' or 'W' ? -absolute : absolute;
        return true;
    }

    private static bool IsDigits(string text)
    {
        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
