using System.Buffers.Binary;
using Fleet.Ingestion.Protocols;
using Fleet.Ingestion.Protocols.Gt06;

namespace Fleet.Tests.Protocols.Gt06;

/// <summary>Alarm messages (0x16, 0x26) and the rejection paths. Packets from Traccar's Gt06ProtocolDecoderTest.</summary>
public sealed class Gt06AlarmAndErrorTests
{
    private const string ShenzhenAlarm = "787825160F0C1D0A2B21C8027AC8040C46581000146F0901CC00287D001F714804040301001C84CF0D0A";
    private static readonly DeviceSession LoggedIn = new("358511020279075");
    private readonly Gt06Protocol _protocol = new();

    private static byte[] Hex(string hex) => Convert.FromHexString(hex);

    /// <summary>Edits a real frame's content, then recomputes its CRC (CRC itself is verified against logged replies).</summary>
    private static byte[] Derive(string hex, int offset, byte value)
    {
        byte[] frame = Hex(hex);
        frame[offset] = value;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(frame.Length - 4), Crc16Itu.Compute(frame.AsSpan(2, frame.Length - 6)));
        return frame;
    }

    [Fact]
    public void Decode_Alarm0x16SouthWestPowerCut_DecodesPointAlarmAndAck()
    {
        // Traccar test packet, MCC 0x02D4 Brazil (Belo Horizonte). 10 05 1B 0F 1C 34 = 2016-05-27 15:28:52.
        // 0x022515D5 = 35984853 / 1.8e6 = 19.991585; 0x04B5DCD2 = 79027410 / 1.8e6 = 43.904117; status 0x3808: W, S, fix, course 8.
        // Then LBS (len 09), terminal info 0x50 (bits 3-5 = 010 power cut), voltage 06, GSM 0x64, alarm 02 (power cut), language 01.
        var result = _protocol.Decode(Hex("7878251610051b0f1c34c5022515d504b5dcd20738080902d4022bdf009cba5006640201006759680d0a"), LoggedIn);

        var point = Assert.Single(result.Points);
        PositionAssert.Valid(point);
        Assert.Equal(new DateTimeOffset(2016, 5, 27, 15, 28, 52, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(-19.991585, point.Latitude, 1e-5);
        Assert.Equal(-43.904117, point.Longitude, 1e-5);
        Assert.Equal(7, point.SpeedKmh);
        Assert.Equal(8, point.Heading);
        Assert.Equal("powerCut", point.Alarm);
        Assert.False(point.Ignition); // info bit 1 clear
        Assert.Equal(6, point.Attributes["voltageLevel"]);
        Assert.Equal(724, point.Attributes["mcc"]);
        // 78 78 05 16 <serial 00 67> <CRC-X25 over 05 16 00 67 = D67C> 0D 0A.
        Assert.Equal(Hex("787805160067D67C0D0A"), result.Reply);
    }

    [Fact]
    public void Decode_Alarm0x16Vibration_DecodesAlarmAndAck()
    {
        // Traccar test packet: info 0x48 (bits 3-5 = 001 vibration), voltage 04, GSM 04, alarm code 03 (vibration).
        // 0x027AC804 = 41601028 / 1.8e6 = 23.111682; status 0x146F: N, E, fix, course 0x6F = 111.
        var result = _protocol.Decode(Hex(ShenzhenAlarm), LoggedIn);

        var point = Assert.Single(result.Points);
        Assert.Equal("vibration", point.Alarm);
        Assert.Equal(23.111682, point.Latitude, 1e-5);
        Assert.Equal(111, point.Heading);
        Assert.Equal(new DateTimeOffset(2015, 12, 29, 10, 43, 33, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(Hex("78780516001C1B280D0A"), result.Reply); // serial 0x001C, CRC over 05 16 00 1C = 1B28
    }

    [Fact]
    public void Decode_Alarm0x26_EchoesProtocolNumberInAck()
    {
        // Traccar test packet 0x26: status 0x4403 has bit 12 clear (no fix); info 0x0C = vibration + charging; alarm 03.
        var result = _protocol.Decode(Hex("7878252612030C063816C3026C10540C38C9700144030901CC002866000EEE0C06040302000DA2DB0D0A"), LoggedIn);

        var point = Assert.Single(result.Points);
        Assert.False(point.Valid);
        Assert.Equal("vibration", point.Alarm);
        Assert.Equal(1, point.Attributes["charging"]);
        Assert.Equal(22.575833, point.Latitude, 1e-5); // 0x026C1054 = 40636500 / 1.8e6
        Assert.Equal(Hex("78780526000D9C8E0D0A"), result.Reply); // serial 0x000D, CRC over 05 26 00 0D = 9C8E
    }

    [Theory]
    [InlineData(0x01, "sos")]
    [InlineData(0x04, "geofenceEnter")]
    [InlineData(0x05, "geofenceExit")]
    [InlineData(0x06, "overspeed")]
    [InlineData(0x0E, "lowBattery")]
    public void Decode_AlarmCode_MapsToFleetAlarm(byte code, string expected)
    {
        // Derived from the real Shenzhen alarm: alarm code byte (offset 34) replaced, CRC recomputed.
        var point = Assert.Single(_protocol.Decode(Derive(ShenzhenAlarm, 34, code), LoggedIn).Points);

        Assert.Equal(expected, point.Alarm);
    }

    [Fact]
    public void Decode_AlarmCodeZero_FallsBackToTerminalInfoBits()
    {
        // Derived: alarm code 0, terminal info 0x62 = bits 3-5 100 (SOS) + ACC bit 1 set.
        byte[] frame = Derive(ShenzhenAlarm, 34, 0x00);
        frame = Derive(Convert.ToHexString(frame), 31, 0x62);

        var point = Assert.Single(_protocol.Decode(frame, LoggedIn).Points);

        Assert.Equal("sos", point.Alarm);
        Assert.True(point.Ignition);
    }

    [Fact]
    public void Decode_CorruptCrc_RejectedWithoutReplyAndKeepsConnection()
    {
        byte[] frame = Hex(ShenzhenAlarm);
        frame[12] ^= 0x01; // one bit of the latitude flipped in transit

        var result = _protocol.Decode(frame, LoggedIn);

        Assert.Equal("bad crc", result.Error);
        Assert.Null(result.Reply);
        Assert.False(result.CloseConnection);
        Assert.Empty(result.Points);
    }

    [Theory]
    // Traccar test packets with valid CRCs: GK310 time request 0x8A, and an extended (7979) info frame 0x94.
    [InlineData("7878058A000688290D0A", "unknown message type 0x8A")]
    [InlineData("7979000894000000000338ba0d0a", "unknown message type 0x94")]
    public void Decode_UnknownMessageType_RejectedWithoutClosing(string packet, string reason)
    {
        var result = _protocol.Decode(Hex(packet), LoggedIn);

        Assert.Equal(reason, result.Error);
        Assert.False(result.CloseConnection);
        Assert.Null(result.Reply);
    }

    [Theory]
    [InlineData("0102030405")]
    [InlineData("78780D01012345678901234500018CDD0D0B")] // wrong stop bits
    [InlineData("78780E01012345678901234500018CDD0D0A")] // length does not match
    public void Decode_Garbage_Rejected(string bytes)
    {
        var result = _protocol.Decode(Hex(bytes), LoggedIn);

        Assert.Equal("garbage", result.Error);
        Assert.False(result.CloseConnection);
    }

    [Fact]
    public void Decode_LocationWithImpossibleDate_Rejected()
    {
        // Derived from the Lithuania location: month byte (offset 5) set to 13.
        var result = _protocol.Decode(Derive("78781f120f0a140e150bc505e51e780293a9e800540000f601006e0055da00035f240d0a", 5, 13), LoggedIn);

        Assert.Equal("invalid date", result.Error);
    }

    [Fact]
    public void Decode_LoginWithNonBcdImei_Rejected()
    {
        var result = _protocol.Decode(Derive("78780D01012345678901234500018CDD0D0A", 6, 0xAB), DeviceSession.Anonymous);

        Assert.Equal("invalid imei", result.Error);
        Assert.False(result.IsLogin);
    }
}
