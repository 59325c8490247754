using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Fleet.History.ClickHouse;

/// <summary>
/// Serialises history records straight into ClickHouse RowBinary, in the column order of
/// <see cref="ClickHouseSchema.Columns"/>: no boxed <c>object[]</c> rows, no per-value type dispatch. Layout per type:
/// String = LEB128 length + UTF-8, DateTime = UInt32 seconds, DateTime64(3) = Int64 ms, numbers little-endian,
/// Nullable(T) = one byte (1 = null) followed by the value when not null.
/// </summary>
public static class RowBinaryHistoryWriter
{
    /// <summary>Appends every record as one RowBinary row for the given table form.</summary>
    public static void Write(IBufferWriter<byte> output, IEnumerable<HistoryRecord> records, bool dateTime64)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            WriteRow(output, record, dateTime64);
        }
    }

    private static void WriteRow(IBufferWriter<byte> output, HistoryRecord r, bool dateTime64)
    {
        WriteString(output, r.VehicleId);
        WriteString(output, r.DeviceId);
        WriteString(output, r.CompanyId ?? "");
        if (dateTime64)
        {
            WriteInt64(output, r.DeviceTime.ToUnixTimeMilliseconds());
            WriteInt64(output, r.ServerTime.ToUnixTimeMilliseconds());
        }
        else
        {
            WriteSecondsAndMilliseconds(output, r.DeviceTime);
            WriteSecondsAndMilliseconds(output, r.ServerTime);
        }

        WriteDouble(output, r.Lat);
        WriteDouble(output, r.Lon);
        WriteByte(output, r.Valid ? (byte)1 : (byte)0);
        WriteNullableDouble(output, r.Speed);
        WriteNullableDouble(output, r.Heading);
        WriteNullableDouble(output, r.Altitude);
        if (WriteNullFlag(output, r.Satellites.HasValue))
        {
            var span = output.GetSpan(4);
            BinaryPrimitives.WriteInt32LittleEndian(span, r.Satellites!.Value);
            output.Advance(4);
        }

        WriteNullableDouble(output, r.Hdop);
        if (WriteNullFlag(output, r.Ignition.HasValue))
        {
            WriteByte(output, r.Ignition!.Value ? (byte)1 : (byte)0);
        }

        WriteNullableDouble(output, r.Fuel);
        WriteNullableDouble(output, r.Odometer);
        WriteString(output, r.Alarm ?? "");
        WriteString(output, r.AttributesJson ?? "");
    }

    // Legacy 18.16 form: DateTime (UInt32 seconds) plus a UInt16 millisecond column.
    private static void WriteSecondsAndMilliseconds(IBufferWriter<byte> output, DateTimeOffset time)
    {
        var span = output.GetSpan(6);
        BinaryPrimitives.WriteUInt32LittleEndian(span, checked((uint)time.ToUnixTimeSeconds()));
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], (ushort)time.Millisecond);
        output.Advance(6);
    }

    private static void WriteString(IBufferWriter<byte> output, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        var span = output.GetSpan(5 + length);
        var prefix = 0;
        var remaining = (uint)length;
        do
        {
            var next = (byte)(remaining & 0x7F);
            remaining >>= 7;
            span[prefix++] = remaining == 0 ? next : (byte)(next | 0x80);
        }
        while (remaining != 0);

        Encoding.UTF8.GetBytes(value, span[prefix..]);
        output.Advance(prefix + length);
    }

    private static void WriteNullableDouble(IBufferWriter<byte> output, double? value)
    {
        if (WriteNullFlag(output, value.HasValue))
        {
            WriteDouble(output, value!.Value);
        }
    }

    /// <summary>Writes the Nullable marker; true when a value follows.</summary>
    private static bool WriteNullFlag(IBufferWriter<byte> output, bool hasValue)
    {
        WriteByte(output, hasValue ? (byte)0 : (byte)1);
        return hasValue;
    }

    private static void WriteDouble(IBufferWriter<byte> output, double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(output.GetSpan(8), value);
        output.Advance(8);
    }

    private static void WriteInt64(IBufferWriter<byte> output, long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(output.GetSpan(8), value);
        output.Advance(8);
    }

    private static void WriteByte(IBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }
}
