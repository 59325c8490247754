using Fleet.Ingestion.Protocols;
using Fleet.Ingestion.Protocols.Gt06;

namespace Fleet.Tests.Protocols.Gt06;

/// <summary>
/// Decoding of real GT06 packets. Sources: the GT06 protocol document example, Traccar's
/// Gt06ProtocolDecoderTest, and server logs quoted in traccar/traccar issue #1583 and the Traccar forum topic
/// "gt06 protocol question" (those logs also show the exact reply bytes a working server sent).
/// Coordinates: uint32 / 1,800,000 (= / 30000 / 60); course/status bit 10 = north, bit 11 = west, bit 12 = fix.
/// </summary>
public sealed class Gt06ProtocolTests
{
    private static readonly DeviceSession LoggedIn = new("358511020279075");
    private readonly Gt06Protocol _protocol = new();

    private static byte[] Hex(string hex) => Convert.FromHexString(hex);

    [Fact]
    public void Crc16Itu_CheckString_MatchesX25CheckValue() =>
        // CRC-16/X-25 catalogue check value for ASCII "123456789".
        Assert.Equal(0x906E, Crc16Itu.Compute("123456789"u8));

    [Fact]
    public void Decode_DocumentLoginExample_ReturnsImeiAndAck()
    {
        // GT06 protocol document: 78 78 0D 01 01 23 45 67 89 01 23 45 00 01 8C DD 0D 0A (also in Traccar's test).
        var result = _protocol.Decode(Hex("78780D01012345678901234500018CDD0D0A"), DeviceSession.Anonymous);

        Assert.False(result.IsRejected);
        Assert.True(result.IsLogin);
        Assert.Equal("123456789012345", result.DeviceId); // BCD 0123456789012345 without the padding zero
        Assert.Empty(result.Points);
        // 78 78 05 01 <serial 00 01> <CRC-X25 over 05 01 00 01 = D9DC> 0D 0A (recomputed with tools/gt06_check.py).
        Assert.Equal(Hex("787805010001D9DC0D0A"), result.Reply);
    }

    [Theory]
    // traccar/traccar issue #1583 server log: login in, "7878050101bdbfe30d0a" out.
    [InlineData("78780d01035851102027907501bd521a0d0a", "358511020279075", "7878050101bdbfe30d0a")]
    // Traccar forum "gt06 protocol question" log: extended login (type + time zone) in, ack out.
    [InlineData("78781101035513908904143520020C8A068BB6C60D0A", "355139089041435", "78780501068BA65E0D0A")]
    public void Decode_CapturedLogin_RepliesExactlyLikeTheLoggedServer(string packet, string imei, string reply)
    {
        var result = _protocol.Decode(Hex(packet), DeviceSession.Anonymous);

        Assert.True(result.IsLogin);
        Assert.Equal(imei, result.DeviceId);
        Assert.Equal(Hex(reply), result.Reply);
    }

    [Theory]
    // Forum log: heartbeat 0x13 (info 0x45, voltage 6, GSM 1, serial 0x068D) answered with 78780513068DF3450D0A.
    [InlineData("78780A134506010002068D1EE10D0A", "78780513068DF3450D0A")]
    // Issue #1583 log: heartbeat (info 0x44, serial 0x01BF) answered with 7878051301bfacdc0d0a.
    [InlineData("78780a13440604000201bff8f90d0a", "7878051301bfacdc0d0a")]
    public void Decode_Heartbeat_RepliesExactlyLikeTheLoggedServerWithoutPoints(string packet, string reply)
    {
        var result = _protocol.Decode(Hex(packet), LoggedIn);

        Assert.False(result.IsRejected);
        Assert.Empty(result.Points);
        Assert.Equal(Hex(reply), result.Reply);
    }

    [Fact]
    public void Decode_LocationBeforeLogin_RejectedNotLoggedIn()
    {
        var result = _protocol.Decode(Hex("78781f120f0a140e150bc505e51e780293a9e800540000f601006e0055da00035f240d0a"), DeviceSession.Anonymous);

        Assert.Equal("not logged in", result.Error);
        Assert.Null(result.Reply);
        Assert.Empty(result.Points);
    }

    [Fact]
    public void Decode_Location0x12Lithuania_MatchesTraccarExpectedPosition()
    {
        // Traccar verifyPosition: 2015-10-20 14:21:11, valid, 54.94535, 24.01762.
        // 0x05E51E78 = 98901624 / 1.8e6 = 54.945347; 0x0293A9E8 = 43231720 / 1.8e6 = 24.017622; status 0x5400: N, E, fix.
        var result = _protocol.Decode(Hex("78781f120f0a140e150bc505e51e780293a9e800540000f601006e0055da00035f240d0a"), LoggedIn);

        var point = Assert.Single(result.Points);
        PositionAssert.Valid(point);
        Assert.Equal(new DateTimeOffset(2015, 10, 20, 14, 21, 11, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(54.94535, point.Latitude, 1e-5);
        Assert.Equal(24.01762, point.Longitude, 1e-5);
        Assert.True(point.Valid);
        Assert.Equal(5, point.Satellites); // GPS info 0xC5: low nibble
        Assert.Equal(0, point.SpeedKmh);
        Assert.Equal(0, point.Heading);
        Assert.Equal(246, point.Attributes["mcc"]); // 0x00F6 = Lithuania
        Assert.Null(result.Reply); // the GT06 document: no server response to location data
    }

    [Fact]
    public void Decode_Location0x12Hyderabad_DecodesTimeCourseAndCell()
    {
        // Issue #1583 capture. 0F 0C 08 0C 10 36 = 2015-12-08 12:16:54; 0x01DF1252 = 31396434 / 1.8e6 = 17.442463;
        // 0x086954D3 = 141120723 / 1.8e6 = 78.400402; status 0x141E: N, E, fix, course 30.
        var result = _protocol.Decode(Hex("78781f120f0c080c1036c701df1252086954d300141e01940000100077e501bec31c0d0a"), LoggedIn);

        var point = Assert.Single(result.Points);
        Assert.Equal(new DateTimeOffset(2015, 12, 8, 12, 16, 54, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(17.442463, point.Latitude, 1e-5);
        Assert.Equal(78.400402, point.Longitude, 1e-5);
        Assert.Equal(30, point.Heading);
        Assert.Equal(7, point.Satellites);
        Assert.Equal(404, point.Attributes["mcc"]); // 0x0194 = India
        Assert.Equal(0x0010, point.Attributes["lac"]); // LBS 0194 00 0010 0077E5
        Assert.Equal(0x0077E5, point.Attributes["cellId"]);
        Assert.Null(point.Ignition);
    }

    [Fact]
    public void Decode_Location0x12WesternHemisphere_GivesNegativeLongitude()
    {
        // Traccar test packet (MCC 0x014E = 334 Mexico, Hermosillo). Status 0x1C17: bit 11 west, bit 10 north, course 23.
        // 0x031FF30A = 52425482 / 1.8e6 = 29.125268; 0x0BE795BC = 199726524 / 1.8e6 = 110.959180 -> -110.959180.
        var result = _protocol.Decode(Hex("78782b1215050d03041bcf031ff30a0be795bc001c17014e14a065dd95314504b6040000001c00000cd90ab8fb6f0d0a"), LoggedIn);

        var point = Assert.Single(result.Points);
        PositionAssert.Valid(point);
        Assert.Equal(new DateTimeOffset(2021, 5, 13, 3, 4, 27, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(29.125268, point.Latitude, 1e-5);
        Assert.Equal(-110.959180, point.Longitude, 1e-5);
        Assert.Equal(23, point.Heading);
        Assert.Equal(15, point.Satellites);
    }

    [Fact]
    public void Decode_Location0x22SouthWest_GivesNegativeCoordinatesAndIgnitionFromAccByte()
    {
        // Traccar test packet, MCC 0x02D4 = 724 Brazil (Araxa). Status 0xD8B8: bit 11 west, bit 10 clear = south, fix, course 0xB8 = 184.
        // 0x021A3628 = 35272232 / 1.8e6 = 19.595684; 0x05090A78 = 84478584 / 1.8e6 = 46.932547. ACC 01, mode 05, re-upload 01.
        var result = _protocol.Decode(Hex("787822220e0914160f07c9021a362805090a7800d8b802d402c30e00a98a0105010213f4bb0d0a"), LoggedIn);

        var point = Assert.Single(result.Points);
        PositionAssert.Valid(point);
        Assert.Equal(new DateTimeOffset(2014, 9, 20, 22, 15, 7, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(-19.595684, point.Latitude, 1e-5);
        Assert.Equal(-46.932547, point.Longitude, 1e-5);
        Assert.Equal(184, point.Heading);
        Assert.True(point.Valid);
        Assert.True(point.Ignition);
        Assert.Equal(5, point.Attributes["uploadMode"]);
        Assert.Equal(1, point.Attributes["reupload"]);
        Assert.Null(result.Reply);
    }

    [Fact]
    public void Decode_Location0x22Shenzhen_AccOffGivesIgnitionFalse()
    {
        // Traccar verifyPosition packet: 0F 0C 1D 02 33 05 = 2015-12-29 02:51:05; 0x027AC818 = 41601048 / 1.8e6 = 23.111693;
        // 0x0C465860 = 205936736 / 1.8e6 = 114.409298; status 0x1400 = N, E, fix; ACC byte 00.
        var result = _protocol.Decode(Hex("787822220F0C1D023305C9027AC8180C46586000140001CC00287D001F71000001000820860D0A"), LoggedIn);

        var point = Assert.Single(result.Points);
        Assert.Equal(new DateTimeOffset(2015, 12, 29, 2, 51, 5, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(23.111693, point.Latitude, 1e-5);
        Assert.Equal(114.409298, point.Longitude, 1e-5);
        Assert.False(point.Ignition);
        Assert.Equal(460, point.Attributes["mcc"]); // 0x01CC = China
    }

    [Fact]
    public void Decode_Location0x22WithoutFix_MarksPointInvalid()
    {
        // Traccar test packet (Ahmedabad): status 0x0400 has bit 12 clear = not positioned.
        // 0x02780194 = 41419156 / 1.8e6 = 23.010642; 0x07C77838 = 130512952 / 1.8e6 = 72.507196.
        var result = _protocol.Decode(Hex("787822221106160a1016c60278019407c7783800040001940504700046fc01030100065f570d0a"), LoggedIn);

        var point = Assert.Single(result.Points);
        Assert.False(point.Valid);
        Assert.Equal(23.010642, point.Latitude, 1e-5);
        Assert.Equal(72.507196, point.Longitude, 1e-5);
        Assert.True(point.Ignition);
    }
}
