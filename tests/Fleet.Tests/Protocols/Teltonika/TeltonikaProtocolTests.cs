using System.Buffers.Binary;
using Fleet.Ingestion.Protocols;
using Fleet.Ingestion.Protocols.Teltonika;
using static Fleet.Tests.Protocols.Teltonika.TeltonikaSamples;

namespace Fleet.Tests.Protocols.Teltonika;

/// <summary>TCP decoding of the wiki's documented packets, logins and every rejection path.</summary>
public sealed class TeltonikaProtocolTests
{
    private static readonly DeviceSession LoggedIn = new("356307042441013");
    private readonly TeltonikaProtocol _protocol = new();

    [Fact]
    public void Name_IsTeltonika() => Assert.Equal("teltonika", _protocol.Name);

    [Theory]
    [InlineData(WikiLogin, "356307042441013")]
    [InlineData(TraccarLogin, "123456789012345")]
    public void Decode_ImeiLogin_ReturnsLoginWithAcceptAndRefuseBytes(string hex, string imei)
    {
        var result = _protocol.Decode(Bytes(hex), DeviceSession.Anonymous);

        Assert.False(result.IsRejected);
        Assert.True(result.IsLogin);
        Assert.Equal(imei, result.DeviceId);
        Assert.Equal([0x01], result.Reply);
        Assert.Equal([0x00], result.RejectReply);
        Assert.Empty(result.Points);
    }

    [Fact]
    public void Decode_LoginWithNonDigitImei_RejectedAndClosed()
    {
        var result = _protocol.Decode(TeltonikaPacketBuilder.Login("35630704244101A"), DeviceSession.Anonymous);

        Assert.True(result.IsRejected);
        Assert.True(result.CloseConnection);
        Assert.False(result.IsLogin);
        Assert.Null(result.Reply);
        Assert.Equal([0x00], result.RejectReply);
    }

    [Fact]
    public void Decode_WikiCodec8_MatchesDocumentedRecord()
    {
        var result = _protocol.Decode(Bytes(WikiCodec8), LoggedIn);

        Assert.False(result.IsRejected, result.Error);
        Assert.Equal([0x00, 0x00, 0x00, 0x01], result.Reply);
        var point = Assert.Single(result.Points);
        Assert.Equal(new DateTimeOffset(2019, 6, 10, 10, 4, 46, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(0, point.Latitude);
        Assert.Equal(0, point.Longitude);
        Assert.False(point.Valid); // 0 satellites
        Assert.Equal(0, point.Satellites);
        Assert.Equal(0, point.SpeedKmh);
        Assert.Equal(0, point.Heading);
        Assert.Equal(0, point.AltitudeM);
        Assert.Null(point.Alarm);
        Assert.Equal(1, point.Attributes["priority"]);
        Assert.Equal(1, point.Attributes["event"]);
        Assert.Equal(3, point.Attributes["rssi"]);        // IO 21 = 03
        Assert.Equal(1, point.Attributes["din1"]);        // IO 1 = 01
        Assert.Equal(24.079, point.Attributes["power"]);  // IO 66 = 0x5E0F mV
        Assert.Equal(24602, point.Attributes["io241"]);   // IO 241 = 0x0000601A
        Assert.Equal(0, point.Attributes["io78"]);        // IO 78, 8 bytes of zero
        Assert.Equal(7, point.Attributes.Count);
    }

    [Fact]
    public void Decode_WikiCodec8Second_MatchesDocumentedRecord()
    {
        var point = Assert.Single(_protocol.Decode(Bytes(WikiCodec8Second), LoggedIn).Points);

        Assert.Equal(new DateTimeOffset(2019, 6, 10, 10, 5, 36, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(3, point.Attributes["rssi"]);
        Assert.Equal(1, point.Attributes["din1"]);
        Assert.Equal(24.080, point.Attributes["power"]); // 0x5E10 mV
    }

    [Fact]
    public void Decode_WikiCodec8TwoRecords_ReturnsBothInOrderAndAcknowledgesTwo()
    {
        var result = _protocol.Decode(Bytes(WikiCodec8TwoRecords), LoggedIn);

        Assert.Equal([0x00, 0x00, 0x00, 0x02], result.Reply);
        Assert.Collection(
            result.Points,
            first =>
            {
                Assert.Equal(new DateTimeOffset(2019, 6, 10, 10, 1, 1, TimeSpan.Zero), first.DeviceTime);
                Assert.Equal(0, first.Attributes["din1"]);
            },
            second =>
            {
                Assert.Equal(new DateTimeOffset(2019, 6, 10, 10, 1, 19, TimeSpan.Zero), second.DeviceTime);
                Assert.Equal(1, second.Attributes["din1"]);
            });
    }

    [Fact]
    public void Decode_WikiCodec8Extended_MatchesDocumentedRecord()
    {
        var result = _protocol.Decode(Bytes(WikiCodec8Extended), LoggedIn);

        Assert.Equal([0x00, 0x00, 0x00, 0x01], result.Reply);
        var point = Assert.Single(result.Points);
        Assert.Equal(new DateTimeOffset(2019, 6, 10, 11, 36, 32, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(1, point.Attributes["event"]);
        Assert.Equal(1, point.Attributes["din1"]);            // IO 0x0001 = 01
        Assert.Equal(29, point.Attributes["io17"]);           // IO 0x0011 = 0x001D
        Assert.Equal(22949, point.OdometerKm);                // IO 0x0010 = 0x015E2C88 m
        Assert.Equal(893700218, point.Attributes["io11"]);    // IO 0x000B = 0x000000003544C87A
        Assert.Equal(500686954, point.Attributes["io14"]);    // IO 0x000E = 0x000000001DD7E06A
    }

    [Fact]
    public void Decode_WikiCodec16_ReadsTwoByteIdsWithGenerationType()
    {
        var result = _protocol.Decode(Bytes(WikiCodec16), LoggedIn);

        Assert.Equal([0x00, 0x00, 0x00, 0x02], result.Reply);
        Assert.Equal(2, result.Points.Count);
        var first = result.Points[0];
        Assert.Equal(new DateTimeOffset(2019, 7, 10, 12, 6, 54, TimeSpan.Zero), first.DeviceTime);
        Assert.Equal(0, first.Attributes["priority"]);
        Assert.Equal(11, first.Attributes["event"]);
        Assert.Equal(0, first.Attributes["din1"]);
        Assert.Equal(0, first.Attributes["din3"]);
        Assert.Equal(39, first.Attributes["io11"]);
        Assert.Equal(22.074, first.Attributes["power"]);
        Assert.Equal(38, result.Points[1].Attributes["io11"]);
    }

    [Fact]
    public void Decode_ConstructedSouthWestPanicPacket_NormalisesEveryField()
    {
        var point = Assert.Single(_protocol.Decode(Bytes(ConstructedCodec8BuenosAires), LoggedIn).Points);

        Assert.Equal(-34.6037222, point.Latitude);
        Assert.Equal(-58.3815704, point.Longitude);
        Assert.True(point.Valid);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 14, 30, 0, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(42, point.SpeedKmh);
        Assert.Equal(270, point.Heading);
        Assert.Equal(25, point.AltitudeM);
        Assert.Equal(9, point.Satellites);
        Assert.Equal("sos", point.Alarm); // priority 2 = panic
        Assert.True(point.Ignition);
        Assert.Equal(55, point.Attributes["fuelPercent"]);
        Assert.Equal(45.3, point.FuelL);
        Assert.Equal(0.9, point.Hdop);
        Assert.Equal(123456.789, point.OdometerKm);
        Assert.Equal(12.85, point.Attributes["power"]);
        Assert.Equal(1, point.Attributes["motion"]);
        PositionAssert.Valid(point);
    }

    [Fact]
    public void Decode_DataBeforeLogin_RejectedNotLoggedIn()
    {
        var result = _protocol.Decode(Bytes(WikiCodec8), DeviceSession.Anonymous);

        Assert.Equal("not logged in", result.Error);
        Assert.True(result.CloseConnection);
        Assert.Null(result.Reply);
        Assert.Empty(result.Points);
    }

    [Theory]
    [InlineData(65)] // last CRC byte
    [InlineData(30)] // a byte inside the first record
    public void Decode_CorruptedByte_RejectedForCrcWithoutReply(int index)
    {
        var frame = Bytes(WikiCodec8);
        frame[index] ^= 0x01;

        var result = _protocol.Decode(frame, LoggedIn);

        Assert.Contains("CRC", result.Error, StringComparison.Ordinal);
        Assert.False(result.CloseConnection);
        Assert.Null(result.Reply);
        Assert.Empty(result.Points);
    }

    [Fact]
    public void Decode_TraccarPacketWithWrongCrc_Rejected()
    {
        var result = _protocol.Decode(Bytes(TraccarCodec16WrongCrc), LoggedIn);

        Assert.Contains("CRC", result.Error, StringComparison.Ordinal);
        Assert.Null(result.Reply);
    }

    [Fact]
    public void Decode_SecondRecordCountDiffers_Rejected()
    {
        var data = TeltonikaPacketBuilder.AvlData(Bytes(WikiCodec8));
        data[^1] = 2;

        var result = _protocol.Decode(TeltonikaPacketBuilder.TcpFrame(data), LoggedIn);

        Assert.Equal("record counts differ (1 vs 2)", result.Error);
        Assert.Null(result.Reply);
    }

    [Theory]
    [InlineData(TraccarCodec12Response, "unsupported codec 0x0C")]
    [InlineData(WikiCodec12GetInfo, "unsupported codec 0x0C")]
    public void Decode_NonAvlCodec_RejectedButConnectionKept(string hex, string error)
    {
        var result = _protocol.Decode(Bytes(hex), LoggedIn);

        Assert.Equal(error, result.Error);
        Assert.False(result.CloseConnection);
        Assert.Null(result.Reply);
    }

    [Fact]
    public void Decode_RecordCutShort_Rejected()
    {
        var data = TeltonikaPacketBuilder.AvlData(Bytes(WikiCodec8));
        byte[] truncated = [.. data[..20], data[^1]];

        var result = _protocol.Decode(TeltonikaPacketBuilder.TcpFrame(truncated), LoggedIn);

        Assert.Equal("truncated AVL record", result.Error);
    }

    [Fact]
    public void Decode_BytesAfterSecondCount_Rejected()
    {
        byte[] data = [.. TeltonikaPacketBuilder.AvlData(Bytes(WikiCodec8)), 0x00];

        var result = _protocol.Decode(TeltonikaPacketBuilder.TcpFrame(data), LoggedIn);

        Assert.Equal("bytes after the second record count", result.Error);
    }

    [Fact]
    public void Decode_TimestampBeyondYear9999_RejectedWithoutThrowing()
    {
        var data = TeltonikaPacketBuilder.AvlData(Bytes(WikiCodec8));
        BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(2), ulong.MaxValue);

        var result = _protocol.Decode(TeltonikaPacketBuilder.TcpFrame(data), LoggedIn);

        Assert.Equal("record timestamp out of range", result.Error);
    }

    [Fact]
    public void Decode_CoordinatesOutsideWgs84_KeptAsInvalidFixAtZero()
    {
        var data = TeltonikaPacketBuilder.AvlData(Bytes(TraccarCodec8Vienna));
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(15), 950_000_000); // latitude field: 95 degrees

        var result = _protocol.Decode(TeltonikaPacketBuilder.TcpFrame(data), LoggedIn);

        var point = Assert.Single(result.Points);
        Assert.False(point.Valid);
        Assert.Equal(0, point.Latitude);
        Assert.Equal(0, point.Longitude);
        Assert.Equal(2656.224, point.OdometerKm);
        Assert.Equal([0x00, 0x00, 0x00, 0x01], result.Reply);
    }

    [Fact]
    public void Decode_PingByte_AcceptedSilently()
    {
        var result = _protocol.Decode([0xFF], LoggedIn);

        Assert.False(result.IsRejected);
        Assert.Null(result.Reply);
        Assert.Empty(result.Points);
    }

    [Theory]
    [InlineData("414243")]                   // not a frame start
    [InlineData("0005")]                     // IMEI length outside 15..17
    [InlineData("0000ABCD")]                 // broken preamble
    [InlineData("0000000000010001")]         // data length 65537: above the cap
    [InlineData("0000000000000000")]         // data length 0 (Traccar's "invalid length" sample header)
    public void Decode_FramingGarbage_RejectedAndClosed(string hex)
    {
        var result = _protocol.Decode(Bytes(hex), LoggedIn);

        Assert.True(result.IsRejected);
        Assert.True(result.CloseConnection);
        Assert.Null(result.Reply);
    }
}
