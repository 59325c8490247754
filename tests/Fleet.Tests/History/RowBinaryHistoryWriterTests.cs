using System.Buffers;
using System.Buffers.Binary;
using Fleet.History;
using Fleet.History.ClickHouse;

namespace Fleet.Tests.History;

/// <summary>
/// The typed RowBinary writer byte by byte. The legacy (18.16) form is also round-tripped through the real server by
/// the contract suite (ClickHouseHistoryStoreTests); the DateTime64 form has no server here, so its layout is pinned.
/// </summary>
public sealed class RowBinaryHistoryWriterTests
{
    private static readonly DateTimeOffset Time = new(2024, 5, 14, 10, 0, 0, 250, TimeSpan.Zero);

    [Fact]
    public void Write_DateTime64FormAllNullable_NullMarkersAndMillisecondTimes()
    {
        var bytes = Serialize(Minimal(), dateTime64: true);

        var expected = new List<byte> { 1, (byte)'v', 1, (byte)'d', 0 };
        expected.AddRange(Int64(Time.ToUnixTimeMilliseconds()));
        expected.AddRange(Int64(Time.AddSeconds(1).ToUnixTimeMilliseconds()));
        expected.AddRange(Double(1.5));
        expected.AddRange(Double(-2.5));
        expected.Add(1);                                   // valid
        expected.AddRange([1, 1, 1, 1, 1, 1, 1, 1]);       // speed .. odometer: all null
        expected.AddRange([0, 0]);                         // alarm, attributes: empty strings
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void Write_LegacyFormEveryFieldSet_SecondsPlusMillisecondsAndValuesAfterNotNullMarkers()
    {
        var record = Minimal() with
        {
            Speed = 87.25, Heading = 359.5, Altitude = -12.5, Satellites = 11, Hdop = 0.7, Ignition = false,
            Fuel = 37.5, Odometer = 120345.2, Alarm = "sos", AttributesJson = "{}",
        };

        var bytes = Serialize(record, dateTime64: false);

        var expected = new List<byte> { 1, (byte)'v', 1, (byte)'d', 0 };
        expected.AddRange(UInt32((uint)Time.ToUnixTimeSeconds()));
        expected.AddRange([250, 0]);
        expected.AddRange(UInt32((uint)Time.AddSeconds(1).ToUnixTimeSeconds()));
        expected.AddRange([250, 0]);
        expected.AddRange([.. Double(1.5), .. Double(-2.5), 1]);
        expected.AddRange([0, .. Double(87.25), 0, .. Double(359.5), 0, .. Double(-12.5), 0, 11, 0, 0, 0, 0, .. Double(0.7)]);
        expected.AddRange([0, 0, 0, .. Double(37.5), 0, .. Double(120345.2)]);
        expected.AddRange([3, (byte)'s', (byte)'o', (byte)'s', 2, (byte)'{', (byte)'}']);
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void Write_LongNonAsciiString_Leb128LengthOfUtf8Bytes()
    {
        var alarm = new string('ü', 100);   // 200 UTF-8 bytes: length 0xC8 0x01 as LEB128

        var bytes = Serialize(Minimal() with { Alarm = alarm }, dateTime64: true);

        var alarmAt = bytes.Length - 1 - 202;
        Assert.Equal([0xC8, 0x01], bytes[alarmAt..(alarmAt + 2)]);
        Assert.Equal(alarm, System.Text.Encoding.UTF8.GetString(bytes, alarmAt + 2, 200));
    }

    private static HistoryRecord Minimal() => new()
    {
        VehicleId = "v", DeviceId = "d", DeviceTime = Time, ServerTime = Time.AddSeconds(1), Lat = 1.5, Lon = -2.5,
    };

    private static byte[] Serialize(HistoryRecord record, bool dateTime64)
    {
        var buffer = new ArrayBufferWriter<byte>();
        RowBinaryHistoryWriter.Write(buffer, [record], dateTime64);
        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Int64(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] UInt32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] Double(double value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
        return bytes;
    }
}
