using System.Text;
using Fleet.Ingestion.Protocols;
using Fleet.Ingestion.Protocols.H02;

namespace Fleet.Tests.Protocols.H02;

/// <summary>
/// Real H02 frames from Traccar's H02ProtocolDecoderTest. Coordinates are ddmm.mmmm: degrees + minutes / 60;
/// S and W are negative; speed is in knots (x 1.852 = km/h). Status is 8 hex digits in negative logic.
/// </summary>
public sealed class H02ProtocolTests
{
    private readonly H02Protocol _protocol = new();

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private TelemetryPoint DecodeSingle(string frame)
    {
        var result = _protocol.Decode(Ascii(frame), DeviceSession.Anonymous);
        Assert.Null(result.Error);
        var point = Assert.Single(result.Points);
        PositionAssert.Valid(point);
        return point;
    }

    [Fact]
    public void Decode_V1CostaRica_MatchesTraccarExpectedPosition()
    {
        // Traccar: position("2015-12-22 16:45:49", valid, 9.93978, -84.11178). 9 + 56.3869/60 = 9.939782; 84 + 6.7068/60 = 84.11178 W.
        var result = _protocol.Decode(Ascii("*HQ,4210051415,V1,164549,A,0956.3869,N,08406.7068,W,000.00,000,221215,FFFFFBFF,712,01,0,0,6#"), DeviceSession.Anonymous);

        Assert.Equal("4210051415", result.DeviceId);
        Assert.True(result.IsLogin); // first identified frame of the connection
        Assert.Null(result.Reply);   // no reply for locations
        var point = Assert.Single(result.Points);
        Assert.Equal(new DateTimeOffset(2015, 12, 22, 16, 45, 49, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(9.93978, point.Latitude, 1e-5);
        Assert.Equal(-84.11178, point.Longitude, 1e-5);
        Assert.True(point.Valid);
        Assert.Equal(0, point.SpeedKmh);
        Assert.False(point.Ignition); // 0xFFFFFBFF: bit 10 ("ACC off", active low) cleared -> ACC off
        Assert.Null(point.Alarm);
        Assert.Equal(0xFFFFFBFF, point.Attributes["status"]);
    }

    [Fact]
    public void Decode_V1EmptyValidity_MatchesTraccarExpectedInvalidPosition()
    {
        // Traccar: position("2015-10-03 05:04:18", invalid, 28.46021, 77.06414). 28 + 27.61232/60 = 28.460205; 77 + 3.84822/60 = 77.064137.
        var point = DecodeSingle("*HQ,355488020119695,V1,050418,,2827.61232,N,07703.84822,E,0.00,0,031015,FFFEFBFF#");

        Assert.Equal(new DateTimeOffset(2015, 10, 3, 5, 4, 18, TimeSpan.Zero), point.DeviceTime);
        Assert.False(point.Valid);
        Assert.Equal(28.46021, point.Latitude, 1e-5);
        Assert.Equal(77.06414, point.Longitude, 1e-5);
    }

    [Fact]
    public void Decode_V1DashFormatSouthWest_MatchesTraccarAndConvertsKnots()
    {
        // Traccar: position("2015-03-07 03:01:49", valid, -23.48349, -46.85975). 23 + 29.0095/60 = 23.483492 S; 46 + 51.5852/60 = 46.859753 W.
        var point = DecodeSingle("*HQ,1451316409,V1,030149,A,-23-29.0095,S,-46-51.5852,W,2.4,065,070315,FFFFFFFF#");

        Assert.Equal(new DateTimeOffset(2015, 3, 7, 3, 1, 49, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(-23.48349, point.Latitude, 1e-5);
        Assert.Equal(-46.85975, point.Longitude, 1e-5);
        Assert.Equal(4.4448, point.SpeedKmh!.Value, 1e-9); // 2.4 kn * 1.852
        Assert.Equal(65, point.Heading);
        Assert.True(point.Ignition); // 0xFFFFFFFF: nothing active, ACC on
    }

    [Fact]
    public void Decode_V1FastWesternFix_ConvertsKnotsAndReadsSosBit()
    {
        // 32 + 57.01525/60 = 32.950254; 6 + 55.03865/60 = 6.917311 W; 57.78 kn * 1.852 = 107.00856 km/h.
        // Status 0xFFFBFFFF: bit 18 cleared, which Traccar reports as SOS.
        var point = DecodeSingle("*HQ,353588020068342,V1,084436,A,3257.01525,N,00655.03865,W,57.78,40,011216,FFFBFFFF,25c,a, 154,b04c#");

        Assert.Equal(32.950254, point.Latitude, 1e-5);
        Assert.Equal(-6.917311, point.Longitude, 1e-5);
        Assert.Equal(107.00856, point.SpeedKmh!.Value, 1e-9);
        Assert.Equal(40, point.Heading);
        Assert.Equal("sos", point.Alarm);
        Assert.Equal(new DateTimeOffset(2016, 12, 1, 8, 44, 36, TimeSpan.Zero), point.DeviceTime);
    }

    [Fact]
    public void Decode_V1SingleDigitDegreesSouthWest_GivesNegativeCoordinates()
    {
        // "701.8915,S" = 7 + 1.8915/60 = 7.031525 S; "3450.3399,W" = 34 + 50.3399/60 = 34.838998 W; lowercase status hex.
        var point = DecodeSingle("*HQ,354188045498669,V1,195200,A,701.8915,S,3450.3399,W,0.00,205.70,050213,ffffffff,000243,000000,000000#");

        Assert.Equal(-7.031525, point.Latitude, 1e-5);
        Assert.Equal(-34.838998, point.Longitude, 1e-5);
        Assert.Equal(205.70, point.Heading!.Value, 1e-9);
        Assert.Equal(new DateTimeOffset(2013, 2, 5, 19, 52, 0, TimeSpan.Zero), point.DeviceTime);
    }

    [Fact]
    public void Decode_V1CoordinatesWithoutDot_UsesFourImpliedDecimals()
    {
        // Newer Traccar test: "37573392,S" = 37 + 57.3392/60 = 37.955653 S; "145037022,E" = 145 + 3.7022/60 = 145.061703 E (Melbourne).
        var point = DecodeSingle("*HQ,5905101893,V1,105759,A,37573392,S,145037022,E,000.00,173,280122,FF7FFBFF,,,9059e2c,8232,4#");

        Assert.Equal(-37.955653, point.Latitude, 1e-5);
        Assert.Equal(145.061703, point.Longitude, 1e-5);
        Assert.Equal(new DateTimeOffset(2022, 1, 28, 10, 57, 59, TimeSpan.Zero), point.DeviceTime);
    }

    [Fact]
    public void Decode_V19WithSimFields_FindsStatusAfterThem()
    {
        // 38 + 53.2587/60 = 38.887645 S; 62 + 5.9175/60 = 62.098625 W; 'V' = no fix; status after two SIM fields.
        var point = DecodeSingle("*HQ,4109179024,V19,181519,V,3853.2587,S,06205.9175,W,000.00,000,090217,,5492932630888,8954315265044716555?,FFFFFBFF#");

        Assert.Equal(-38.887645, point.Latitude, 1e-5);
        Assert.Equal(-62.098625, point.Longitude, 1e-5);
        Assert.False(point.Valid);
        Assert.Equal(0xFFFFFBFF, point.Attributes["status"]);
        Assert.Equal(new DateTimeOffset(2017, 2, 9, 18, 15, 19, TimeSpan.Zero), point.DeviceTime);
    }

    [Fact]
    public void Decode_V4CommandAnswer_DecodesTheTrailingLocation()
    {
        // 22 + 12.8745/60 = 22.214575; 113 + 46.6574/60 = 113.777623; 14.28 kn * 1.852 = 26.44656 km/h; time 05:03:16, date 22-09-02.
        var point = DecodeSingle("*TH,2020916012,V4,S17,130305,050316,A,2212.8745,N,11346.6574,E,14.28,028,220902,FFFFFBFF#");

        Assert.Equal(22.214575, point.Latitude, 1e-5);
        Assert.Equal(113.777623, point.Longitude, 1e-5);
        Assert.Equal(26.44656, point.SpeedKmh!.Value, 1e-9);
        Assert.Equal(28, point.Heading);
        Assert.Equal(new DateTimeOffset(2002, 9, 22, 5, 3, 16, TimeSpan.Zero), point.DeviceTime);
    }

    [Fact]
    public void Decode_SpeedWithLeadingSpaces_Parsed()
    {
        // 3.34 kn * 1.852 = 6.18568 km/h; 19 + 35.3933/60 = 19.589888; 79 + 20.4134/60 = 79.340223.
        var point = DecodeSingle("*HQ,865205035331981,V1,132926,A,1935.3933,N,07920.4134,E,  3.34,342,280519,FFFFFFFF#");

        Assert.Equal(6.18568, point.SpeedKmh!.Value, 1e-9);
        Assert.Equal(19.589888, point.Latitude, 1e-5);
        Assert.Equal(79.340223, point.Longitude, 1e-5);
    }

    [Theory]
    // Same device and place a few seconds apart: 0xEFE7F9FF has bit 19 cleared (power cut), 0xFFFFF9FF does not.
    [InlineData("*HQ,4210209006,V1,201812,A,2608.9437,N,08016.2521,W,000.80,000,150317,EFE7F9FF,310,260,0,0,6#", "powerCut")]
    [InlineData("*HQ,4210209006,V1,201844,A,2608.9437,N,08016.2521,W,000.80,000,150317,FFFFF9FF,310,260,0,0,6#", null)]
    public void Decode_StatusWord_ReportsPowerCutOnlyWhenItsBitIsCleared(string frame, string? alarm)
    {
        var point = DecodeSingle(frame);

        Assert.Equal(alarm, point.Alarm);
        Assert.False(point.Ignition);
        Assert.Equal(-80.270868, point.Longitude, 1e-5); // 80 + 16.2521/60 W
        Assert.Equal(1.4816, point.SpeedKmh!.Value, 1e-9);  // 0.80 kn
    }

    [Fact]
    public void Decode_EmptyDeviceIdSouthernFix_UsesTheSessionDevice()
    {
        // Traccar test frame with an empty id: 22 + 25.78879/60 = 22.429813 S; 28 + 29.19021/60 = 28.486504 E.
        byte[] frame = Ascii("*HQ,,V1,173212,A,2225.78879,S,02829.19021,E,0.00,0,290418,FFFFFBFF#");

        var anonymous = _protocol.Decode(frame, DeviceSession.Anonymous);
        var known = _protocol.Decode(frame, new DeviceSession("4210051415"));

        Assert.Equal("missing device id", anonymous.Error);
        Assert.Equal("4210051415", known.DeviceId);
        Assert.False(known.IsLogin);
        var point = Assert.Single(known.Points);
        Assert.Equal(-22.429813, point.Latitude, 1e-5);
        Assert.Equal(28.486504, point.Longitude, 1e-5);
    }

    [Fact]
    public void Decode_FrameFromAnotherDevice_RejectedAndClosed()
    {
        var result = _protocol.Decode(Ascii("*HQ,4210051415,V1,164549,A,0956.3869,N,08406.7068,W,000.00,000,221215,FFFFFBFF#"), new DeviceSession("1111111111"));

        Assert.Equal("device id changed", result.Error);
        Assert.True(result.CloseConnection);
    }

    [Theory]
    [InlineData("*HQ,1700086468,LINK,180902,15,0,84,0,0,240517,FFFFFBFF#", "1700086468")]
    [InlineData("*HQ,4109179024,NBR,103732,722,310,0,6,8106,32010,23,8101,22007,25,8106,12010,23,8106,22105,22,8101,22012,16,8106,42010,5,100217,FFFFFBFF,5#", "4109179024")]
    [InlineData("*HQ,356327080425330,XT,1,100#", "356327080425330")]
    [InlineData("*HQ,353505510948929,V1,,V,,N,,E,0.00,0,,FFFFF7FF,f0,a,11a0,c0c6#", "353505510948929")]
    public void Decode_HeartbeatOrNoFix_IdentifiesDeviceWithoutPoints(string frame, string deviceId)
    {
        var result = _protocol.Decode(Ascii(frame), DeviceSession.Anonymous);

        Assert.Null(result.Error);
        Assert.Equal(deviceId, result.DeviceId);
        Assert.Empty(result.Points);
        Assert.Null(result.Reply);
    }

    [Fact]
    public void Decode_HtbtHeartbeat_EchoedBack()
    {
        // Traccar answers HTBT/V0 with the frame prefix up to the type plus '#'.
        var result = _protocol.Decode(Ascii("*HQ,135790246811220,HTBT,100#"), DeviceSession.Anonymous);

        Assert.Equal("135790246811220", result.DeviceId);
        Assert.Equal(Ascii("*HQ,135790246811220,HTBT#"), result.Reply);
    }

    [Theory]
    [InlineData("*HQ,4109198974,#", "missing message type")]
    [InlineData("*HQ,356803210091319,BS,,2d4,a,1b63,1969,26,1b63,10b2,31,0,0,25,,ffffffff,60#", "unknown message type BS")]
    [InlineData("*HQ,353588020068342,V1,000000,V,0.0000,0,0.0000,0,0.00,0.00,000000,ffffffff,000106,000002,000203,004c87,16#", "malformed location")]
    [InlineData("*HQ,353505220873067,V1,,V,4605.75732,N,01430.73863,E,0.00,0,,FFFFFFEF,125,194,  64,d3#", "invalid date/time")]
    [InlineData("*hq,356327080425330,VP1,A,2702.7245,S,15251.9311,E,0.48,0.0000,080917#", "invalid date/time")]
    [InlineData("*HQ,4210051415,V1,164549,A,0956.3869,N,08406.7068,W,000.00,000,221215,FFFFFBFF", "truncated frame")]
    [InlineData("*HQ,42100X1415,V1,164549,A,0956.3869,N,08406.7068,W,000.00,000,221215,FFFFFBFF#", "invalid device id")]
    [InlineData("*HQ,4210051415,V1,164549,A,0996.3869,N,08406.7068,W,000.00,000,221215,FFFFFBFF#", "invalid coordinates")]
    public void Decode_UnusableFrame_RejectedWithReasonWithoutClosing(string frame, string reason)
    {
        var result = _protocol.Decode(Ascii(frame), DeviceSession.Anonymous);

        Assert.Equal(reason, result.Error);
        Assert.False(result.CloseConnection);
        Assert.Empty(result.Points);
    }

    [Fact]
    public void Decode_BinaryFrame_RejectedAsUnsupported()
    {
        // Traccar binary test packet (32-byte short form); see H02Protocol for why '$' frames are not decoded.
        var result = _protocol.Decode(Convert.FromHexString("2427051711092133391406135002584900014337822e000000ffffffffff0000"), DeviceSession.Anonymous);

        Assert.Equal("unsupported binary frame", result.Error);
        Assert.False(result.CloseConnection);
    }
}
