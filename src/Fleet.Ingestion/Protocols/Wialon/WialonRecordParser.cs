using System.Globalization;

namespace Fleet.Ingestion.Protocols.Wialon;

/// <summary>
/// Parses one record body: the short form "date;time;lat1;lat2;lon1;lon2;speed;course;alt;sats" (SD, 10 fields)
/// or the extended form adding ";hdop;inputs;outputs;adc;ibutton;params" (D, 16 fields). No crc field here.
/// </summary>
internal static class WialonRecordParser
{
    public const int ShortFieldCount = 10;
    public const int ExtendedFieldCount = 16;

    private const int MaxSatellites = 255;

    public static WialonRecordResult Parse(ReadOnlySpan<byte> record)
    {
        Span<Range> fields = stackalloc Range[ExtendedFieldCount];
        var count = WialonFields.Split(record, (byte)';', fields);
        if (count != ShortFieldCount && count != ExtendedFieldCount)
        {
            var actual = count < 0 ? "more than 16" : count.ToString(CultureInfo.InvariantCulture);
            return WialonRecordResult.Fail(-1, "record has " + actual + " fields, expected 10 or 16");
        }

        var date = record[fields[0]];
        var time = record[fields[1]];
        if (WialonNumber.IsNotAvailable(date) || WialonNumber.IsNotAvailable(time))
        {
            // The spec lets the server stamp its own time; a pure decoder has no clock, so the record is refused.
            return WialonRecordResult.Fail(0, "date/time not reported (NA)");
        }

        if (!WialonDateTime.TryParse(date, time, out var deviceTime))
        {
            return WialonRecordResult.Fail(0, "bad date/time");
        }

        var hasFix = !AllNotAvailable(record[fields[2]], record[fields[3]], record[fields[4]], record[fields[5]]);
        double latitude = 0, longitude = 0;
        if (hasFix && (!WialonCoordinate.TryParseLatitude(record[fields[2]], record[fields[3]], out latitude)
            || !WialonCoordinate.TryParseLongitude(record[fields[4]], record[fields[5]], out longitude)))
        {
            return WialonRecordResult.Fail(10, "bad coordinates");
        }

        if (!WialonNumber.TryParseOptionalDouble(record[fields[6]], out var speed) || speed < 0
            || !WialonNumber.TryParseOptionalDouble(record[fields[7]], out var course) || course is < 0 or > 360
            || !WialonNumber.TryParseOptionalDouble(record[fields[8]], out var altitude))
        {
            return WialonRecordResult.Fail(11, "bad speed, course or altitude");
        }

        if (!TryParseSatellites(record[fields[9]], out var satellites))
        {
            return WialonRecordResult.Fail(12, "bad satellite count");
        }

        var point = new TelemetryPoint
        {
            DeviceTime = deviceTime,
            Latitude = latitude,
            Longitude = longitude,

            // Wialon has no fix flag: no coordinates means no fix; fewer than 3 satellites cannot give one (Traccar's rule).
            Valid = hasFix && (satellites is null or >= 3),
            SpeedKmh = speed,
            Heading = course,
            AltitudeM = altitude,
            Satellites = satellites,
        };

        return count == ShortFieldCount ? WialonRecordResult.Ok(point) : ParseExtended(record, fields, point);
    }

    private static WialonRecordResult ParseExtended(ReadOnlySpan<byte> record, ReadOnlySpan<Range> fields, TelemetryPoint point)
    {
        if (!WialonNumber.TryParseOptionalDouble(record[fields[10]], out var hdop) || hdop < 0)
        {
            return WialonRecordResult.Fail(12, "bad hdop");
        }

        var attributes = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!TryAddBitmask(record[fields[11]], "input", attributes) || !TryAddBitmask(record[fields[12]], "output", attributes))
        {
            return WialonRecordResult.Fail(13, "bad inputs or outputs");
        }

        if (!TryAddAdc(record[fields[13]], attributes))
        {
            return WialonRecordResult.Fail(14, "bad adc");
        }

        // fields[14] is the iButton code: a string, nothing numeric to keep.
        var mapped = new WialonParams();
        var parameters = record[fields[15]];
        if (!WialonNumber.IsNotAvailable(parameters)
            && !WialonParamsParser.TryParse(parameters, mapped, attributes, out var error))
        {
            return WialonRecordResult.Fail(15, error ?? "bad params");
        }

        return WialonRecordResult.Ok(point with
        {
            Hdop = hdop,
            Ignition = mapped.Ignition,
            OdometerKm = mapped.OdometerKm,
            FuelL = mapped.FuelL,
            Attributes = attributes.Count == 0 ? TelemetryPoint.EmptyAttributes : attributes,
        });
    }

    private static bool AllNotAvailable(
        ReadOnlySpan<byte> lat1, ReadOnlySpan<byte> lat2, ReadOnlySpan<byte> lon1, ReadOnlySpan<byte> lon2) =>
        WialonNumber.IsNotAvailable(lat1) && WialonNumber.IsNotAvailable(lat2)
        && WialonNumber.IsNotAvailable(lon1) && WialonNumber.IsNotAvailable(lon2);

    private static bool TryParseSatellites(ReadOnlySpan<byte> field, out int? satellites)
    {
        satellites = null;
        if (WialonNumber.IsNotAvailable(field))
        {
            return true;
        }

        if (!WialonNumber.TryParseDigits(field, out var value) || value > MaxSatellites)
        {
            return false;
        }

        satellites = value;
        return true;
    }

    private static bool TryAddBitmask(ReadOnlySpan<byte> field, string key, Dictionary<string, double> attributes)
    {
        if (WialonNumber.IsNotAvailable(field))
        {
            return true;
        }

        if (!WialonNumber.TryParseUnsigned(field, out var bits))
        {
            return false;
        }

        attributes[key] = bits;
        return true;
    }

    /// <summary>Analog inputs: comma-separated decimals, stored as adc1, adc2, ... like Traccar.</summary>
    private static bool TryAddAdc(ReadOnlySpan<byte> field, Dictionary<string, double> attributes)
    {
        if (WialonNumber.IsNotAvailable(field))
        {
            return true;
        }

        var index = 1;
        while (true)
        {
            var end = field.IndexOf((byte)',');
            var value = end < 0 ? field : field[..end];
            if (!WialonNumber.TryParseDouble(value, out var volts))
            {
                return false;
            }

            attributes["adc" + index.ToString(CultureInfo.InvariantCulture)] = volts;
            if (end < 0)
            {
                return true;
            }

            field = field[(end + 1)..];
            index++;
        }
    }
}
