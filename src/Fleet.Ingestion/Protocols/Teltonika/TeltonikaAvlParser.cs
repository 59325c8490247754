namespace Fleet.Ingestion.Protocols.Teltonika;

/// <summary>
/// Parses the AVL data array shared by TCP and UDP: codec id, record count, records, record count again.
/// Record layout: timestamp (8, ms UTC), priority (1), longitude (4), latitude (4), altitude (2), angle (2),
/// satellites (1), speed (2), then the IO element whose widths depend on the codec (<see cref="TeltonikaCodecLayout"/>).
/// </summary>
internal static class TeltonikaAvlParser
{
    /// <summary>Bytes of the fixed part of a record: timestamp, priority and the 15-byte GPS element.</summary>
    private const int FixedRecordSize = 8 + 1 + 15;
    private const byte PanicPriority = 2;
    private const double CoordinateDivisor = 1e7;
    private const long MaxUnixMilliseconds = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z, DateTimeOffset's limit

    private static readonly int[] FixedValueSizes = [1, 2, 4, 8];

    public static bool TryParse(ReadOnlySpan<byte> avlDataArray, out List<TelemetryPoint> points, out string? error)
    {
        points = [];
        var reader = new BigEndianSpanReader(avlDataArray);
        if (!reader.TryReadByte(out var codecId) || !reader.TryReadByte(out var recordCount))
        {
            error = "truncated AVL data header";
            return false;
        }

        if (!TeltonikaCodecLayout.TryGet(codecId, out var layout))
        {
            error = $"unsupported codec 0x{codecId:X2}";
            return false;
        }

        if (recordCount == 0)
        {
            error = "AVL packet without records";
            return false;
        }

        points.Capacity = recordCount;
        for (var index = 0; index < recordCount; index++)
        {
            if (!TryParseRecord(ref reader, layout, out var point, out error))
            {
                return false;
            }

            points.Add(point);
        }

        if (!reader.TryReadByte(out var secondCount))
        {
            error = "missing second record count";
            return false;
        }

        if (secondCount != recordCount)
        {
            error = $"record counts differ ({recordCount} vs {secondCount})";
            return false;
        }

        error = reader.IsAtEnd ? null : "bytes after the second record count";
        return error is null;
    }

    private static bool TryParseRecord(
        ref BigEndianSpanReader reader, TeltonikaCodecLayout layout, out TelemetryPoint point, out string? error)
    {
        point = null!;
        if (reader.Remaining < FixedRecordSize)
        {
            error = "truncated AVL record";
            return false;
        }

        reader.TryReadUInt64(out var timestamp);
        reader.TryReadByte(out var priority);
        reader.TryReadInt32(out var longitudeRaw);
        reader.TryReadInt32(out var latitudeRaw);
        reader.TryReadInt16(out var altitude);
        reader.TryReadUInt16(out var angle);
        reader.TryReadByte(out var satellites);
        reader.TryReadUInt16(out var speed);

        if (timestamp > MaxUnixMilliseconds)
        {
            error = "record timestamp out of range";
            return false;
        }

        var io = new TeltonikaIoValues();
        if (!TryParseIoElement(ref reader, layout, io, out error))
        {
            return false;
        }

        // Two's complement: negative longitude = west, negative latitude = south.
        var latitude = latitudeRaw / CoordinateDivisor;
        var longitude = longitudeRaw / CoordinateDivisor;
        // A CRC-valid record with an impossible position still carries IO data worth keeping (and acknowledging),
        // but the position itself must never reach a map: publish it as an invalid fix at 0,0.
        var inRange = Math.Abs(latitude) <= 90 && Math.Abs(longitude) <= 180;
        io.Attributes["priority"] = priority;

        point = new TelemetryPoint
        {
            DeviceTime = DateTimeOffset.FromUnixTimeMilliseconds((long)timestamp),
            Latitude = inRange ? latitude : 0,
            Longitude = inRange ? longitude : 0,
            Valid = inRange && satellites > 0,
            SpeedKmh = speed,
            Heading = angle <= 360 ? angle : null,
            AltitudeM = altitude,
            Satellites = satellites,
            Hdop = io.Hdop,
            Ignition = io.Ignition,
            FuelL = io.FuelL,
            OdometerKm = io.OdometerKm,
            Alarm = priority == PanicPriority ? "sos" : null,
            Attributes = io.Attributes,
        };
        return true;
    }

    private static bool TryParseIoElement(
        ref BigEndianSpanReader reader, TeltonikaCodecLayout layout, TeltonikaIoValues io, out string? error)
    {
        error = "truncated IO element";
        if (!reader.TryReadUnsigned(layout.IoIdSize, out var eventId))
        {
            return false;
        }

        if (layout.HasGenerationType && !reader.TryReadByte(out _))
        {
            return false;
        }

        // The total IO count is informational; some firmware miscounts it, so it is not cross-checked.
        if (!reader.TryReadUnsigned(layout.IoCountSize, out _))
        {
            return false;
        }

        io.Attributes["event"] = eventId;
        foreach (var valueSize in FixedValueSizes)
        {
            if (!TryParseFixedGroup(ref reader, layout, valueSize, io))
            {
                return false;
            }
        }

        if (layout.HasVariableLengthElements && !TrySkipVariableLengthGroup(ref reader))
        {
            return false;
        }

        error = null;
        return true;
    }

    private static bool TryParseFixedGroup(
        ref BigEndianSpanReader reader, TeltonikaCodecLayout layout, int valueSize, TeltonikaIoValues io)
    {
        if (!reader.TryReadUnsigned(layout.IoCountSize, out var count))
        {
            return false;
        }

        // Bound the loop by the bytes actually present before iterating a hostile count.
        if (count * (ulong)(layout.IoIdSize + valueSize) > (ulong)reader.Remaining)
        {
            return false;
        }

        for (ulong index = 0; index < count; index++)
        {
            reader.TryReadUnsigned(layout.IoIdSize, out var id);
            reader.TryReadUnsigned(valueSize, out var value);
            TeltonikaIoElements.Apply((int)id, value, io);
        }

        return true;
    }

    /// <summary>
    /// Codec 8E NX elements (VIN, DTC lists, beacon blobs) are opaque byte strings: they are skipped, never
    /// turned into numbers, and never fail a record that is otherwise well formed.
    /// </summary>
    private static bool TrySkipVariableLengthGroup(ref BigEndianSpanReader reader)
    {
        if (!reader.TryReadUInt16(out var count))
        {
            return false;
        }

        for (var index = 0; index < count; index++)
        {
            if (!reader.TryReadUInt16(out _) || !reader.TryReadUInt16(out var length) || !reader.TryReadSpan(length, out _))
            {
                return false;
            }
        }

        return true;
    }
}
