using System.Globalization;

namespace Fleet.Ingestion.Protocols.H02;

/// <summary>
/// The location block "&lt;hhmmss&gt;,&lt;A|V&gt;,&lt;lat&gt;,&lt;N|S&gt;,&lt;lon&gt;,&lt;E|W&gt;,&lt;knots&gt;,&lt;course&gt;,&lt;ddmmyy&gt;,...,&lt;status&gt;".
/// It is found by its hemisphere letters, so command answers (V4) with extra fields in front decode the same way.
/// </summary>
internal static class H02TextLocation
{
    private const double KmhPerKnot = 1.852;

    /// <summary>Returns null on success; <paramref name="point"/> stays null when the device has no fix to report.</summary>
    public static string? TryParse(string[] fields, out TelemetryPoint? point)
    {
        point = null;
        int validity = FindValidityField(fields);
        if (validity < 0)
        {
            return "malformed location";
        }

        string latitudeText = fields[validity + 1];
        string longitudeText = fields[validity + 3];
        if (latitudeText.Length == 0 && longitudeText.Length == 0)
        {
            return null;
        }

        // The time sits right before the validity flag, the date three fields after the hemisphere letter E/W.
        if (validity < 4 || fields.Length <= validity + 7
            || !TryParseTime(fields[validity - 1], fields[validity + 7], out DateTimeOffset time))
        {
            return "invalid date/time";
        }

        if (!H02Coordinate.TryParse(latitudeText, fields[validity + 2][0], 90, out double latitude)
            || !H02Coordinate.TryParse(longitudeText, fields[validity + 4][0], 180, out double longitude))
        {
            return "invalid coordinates";
        }

        if (!TryParseOptional(fields[validity + 5], out double? knots))
        {
            return "invalid speed";
        }

        if (!TryParseOptional(fields[validity + 6], out double? course))
        {
            return "invalid course";
        }

        uint? status = FindStatus(fields, validity + 8);
        point = new TelemetryPoint
        {
            DeviceTime = time,
            Latitude = latitude,
            Longitude = longitude,
            Valid = IsValidFix(fields[validity]),
            SpeedKmh = knots * KmhPerKnot,
            Heading = course is >= 0 and <= 360 ? course : null,
            Ignition = status is { } word ? H02StatusWord.Ignition(word) : null,
            Alarm = status is { } alarmWord ? H02StatusWord.Alarm(alarmWord) : null,
            Attributes = status is { } raw
                ? new Dictionary<string, double> { ["status"] = raw }
                : TelemetryPoint.EmptyAttributes,
        };
        return null;
    }

    private static int FindValidityField(string[] fields)
    {
        for (int i = 3; i + 4 < fields.Length; i++)
        {
            if (fields[i + 2] is "N" or "S" && fields[i + 4] is "E" or "W")
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>'A' is a fix; V2 firmwares put a numeric coding scheme here instead, which Traccar also reads as valid.</summary>
    private static bool IsValidFix(string flag) => flag == "A" || (flag.Length > 0 && flag.All(char.IsAsciiDigit));

    private static bool TryParseTime(string hhmmss, string ddmmyy, out DateTimeOffset time)
    {
        time = default;
        if (!TryParseSixDigits(hhmmss, out int hour, out int minute, out int second)
            || !TryParseSixDigits(ddmmyy, out int day, out int month, out int year)
            || hour > 23 || minute > 59 || second > 59 || month is < 1 or > 12
            || day < 1 || day > DateTime.DaysInMonth(2000 + year, month))
        {
            return false;
        }

        time = new DateTimeOffset(2000 + year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    private static bool TryParseSixDigits(string text, out int first, out int second, out int third)
    {
        first = second = third = 0;
        if (text.Length != 6 || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        first = ((text[0] - '0') * 10) + (text[1] - '0');
        second = ((text[2] - '0') * 10) + (text[3] - '0');
        third = ((text[4] - '0') * 10) + (text[5] - '0');
        return true;
    }

    private static bool TryParseOptional(string text, out double? value)
    {
        value = null;
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return true;
        }

        if (!double.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    /// <summary>The status word is the first 8-hex-digit field after the date (V19 puts SIM data in between).</summary>
    private static uint? FindStatus(string[] fields, int start)
    {
        for (int i = start; i < fields.Length; i++)
        {
            if (fields[i].Length == 8
                && uint.TryParse(fields[i], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint status))
            {
                return status;
            }
        }

        return null;
    }
}
