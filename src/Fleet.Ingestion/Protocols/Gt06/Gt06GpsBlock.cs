using System.Buffers.Binary;

namespace Fleet.Ingestion.Protocols.Gt06;

/// <summary>
/// Parses the GPS block: date-time YY MM DD hh mm ss (UTC), GPS info (high nibble length, low nibble satellites),
/// latitude and longitude as uint32 half-milli-minutes (degrees * 60 * 30000), speed km/h, course and status.
/// </summary>
internal static class Gt06GpsBlock
{
    public const int Length = 18;

    private const double UnitsPerDegree = 60.0 * 30000.0;

    public static string? TryParse(ReadOnlySpan<byte> content, out Gt06GpsFix fix)
    {
        fix = default;
        if (content.Length < Length)
        {
            return "truncated gps block";
        }

        if (!TryReadTime(content[..6], out DateTimeOffset time))
        {
            return "invalid date";
        }

        double latitude = BinaryPrimitives.ReadUInt32BigEndian(content[7..]) / UnitsPerDegree;
        double longitude = BinaryPrimitives.ReadUInt32BigEndian(content[11..]) / UnitsPerDegree;
        if (latitude > 90 || longitude > 180)
        {
            return "invalid coordinates";
        }

        int courseStatus = BinaryPrimitives.ReadUInt16BigEndian(content[16..]);
        int course = courseStatus & 0x3FF;
        // Bit 10 set = northern latitude, bit 11 set = western longitude (GT06 doc, matches Traccar's decoder).
        bool north = (courseStatus & (1 << 10)) != 0;
        bool west = (courseStatus & (1 << 11)) != 0;
        // Bit 14 is set by some firmwares to say bit 15 carries ACC; the plain GT06 leaves both at zero.
        bool? ignition = (courseStatus & (1 << 14)) != 0 ? (courseStatus & (1 << 15)) != 0 : null;

        fix = new Gt06GpsFix(
            time,
            north ? latitude : -latitude,
            west ? -longitude : longitude,
            content[15],
            course <= 360 ? course : null,
            Valid: (courseStatus & (1 << 12)) != 0,
            Satellites: content[6] & 0x0F,
            ignition);
        return null;
    }

    /// <summary>Six bytes YY MM DD hh mm ss, UTC, years from 2000.</summary>
    public static bool TryReadTime(ReadOnlySpan<byte> bytes, out DateTimeOffset time)
    {
        time = default;
        int year = 2000 + bytes[0];
        int month = bytes[1];
        int day = bytes[2];
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || bytes[3] > 23 || bytes[4] > 59 || bytes[5] > 59)
        {
            return false;
        }

        time = new DateTimeOffset(year, month, day, bytes[3], bytes[4], bytes[5], TimeSpan.Zero);
        return true;
    }
}
