using Fleet.Ingestion.Protocols;
using static Fleet.Tests.Protocols.Wialon.WialonFrames;

namespace Fleet.Tests.Protocols.Wialon;

/// <summary>SD and D packets. Frames marked "Traccar" are from Traccar's WialonProtocolDecoderTest.</summary>
public sealed class WialonDataTests
{
    private const string TraccarShortData = "#SD#270413;205601;5544.6025;N;03739.6834;E;1;2;3;4";

    [Fact]
    public void Decode_TraccarShortData_DecodesValuesTraccarAsserts()
    {
        var result = Decode(TraccarShortData);

        Assert.False(result.IsRejected);
        Assert.Equal("#ASD#1\r\n", Text(result.Reply));
        var point = Assert.Single(result.Points);
        PositionAssert.Valid(point);

        // Traccar: position("2013-04-27 20:56:01.000", true, 55.74338, 37.66139)
        Assert.Equal(new DateTimeOffset(2013, 4, 27, 20, 56, 1, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(55.74338, point.Latitude, 5);
        Assert.Equal(37.66139, point.Longitude, 5);
        Assert.True(point.Valid);
        Assert.Equal(1, point.SpeedKmh);
        Assert.Equal(2, point.Heading);
        Assert.Equal(3, point.AltitudeM);
        Assert.Equal(4, point.Satellites);
    }

    [Fact]
    public void Decode_ShortDataSouthWest_GivesNegativeCoordinates()
    {
        // The Traccar frame above with the hemispheres turned to S and W.
        var point = Assert.Single(Decode("#SD#270413;205601;5544.6025;S;03739.6834;W;1;2;3;4").Points);

        Assert.Equal(-55.743375, point.Latitude, 6);
        Assert.Equal(-37.661390, point.Longitude, 6);
    }

    [Fact]
    public void Decode_V20ExtendedSouthWestWithCrc_GivesNegativeCoordinates()
    {
        var frame = WithCrc("#D#101118;061143;0756.0930;S;12338.6403;W;18.223;99.766;-4.000;10;0.800;NA;NA;NA;NA;NA;");

        var point = Assert.Single(Decode(frame).Points);

        Assert.Equal(-7.934883, point.Latitude, 6);
        Assert.Equal(-123.644005, point.Longitude, 6);
    }

    [Fact]
    public void Decode_TraccarV20ExtendedData_ChecksCrcAndDecodesParams()
    {
        var result = Decode("#D#101118;061143;0756.0930;N;12338.6403;E;18.223;99.766;-4.000;10;0.800;NA;NA;NA;NA;101_521347:1:521249,101_521126:1:6593598,101_521127:1:774780,101_521072_21.1:1:0,101_521072_21.2:1:71353;F24A");

        Assert.False(result.IsRejected);
        Assert.Equal("#AD#1\r\n", Text(result.Reply));
        var point = Assert.Single(result.Points);
        PositionAssert.Valid(point);
        Assert.Equal(new DateTimeOffset(2018, 11, 10, 6, 11, 43, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(7.934883, point.Latitude, 6);
        Assert.Equal(123.644005, point.Longitude, 6);
        Assert.Equal(18.223, point.SpeedKmh);
        Assert.Equal(99.766, point.Heading);
        Assert.Equal(-4, point.AltitudeM);
        Assert.Equal(10, point.Satellites);
        Assert.Equal(0.8, point.Hdop);
        Assert.Equal(5, point.Attributes.Count);
        Assert.Equal(6593598, point.Attributes["101_521126"]);
        Assert.Equal(71353, point.Attributes["101_521072_21.2"]);
    }

    [Fact]
    public void Decode_V20ExtendedDataWithAlteredField_RejectedWithChecksumAnswer()
    {
        // Traccar's frame with the speed changed from 18.223 to 19.223: the crc F24A no longer matches.
        var result = Decode("#D#101118;061143;0756.0930;N;12338.6403;E;19.223;99.766;-4.000;10;0.800;NA;NA;NA;NA;101_521347:1:521249,101_521126:1:6593598,101_521127:1:774780,101_521072_21.1:1:0,101_521072_21.2:1:71353;F24A");

        Assert.True(result.IsRejected);
        Assert.Contains("checksum", result.Error, StringComparison.Ordinal);
        Assert.Null(result.Reply);
        Assert.Empty(result.Points);
        Assert.Equal("#AD#16\r\n", Text(result.RejectReply));
    }

    [Fact]
    public void Decode_V20ShortDataCrc_GoodAcceptedBadRejectedWithAsd13()
    {
        var good = WithCrc("#SD#270413;205601;5544.6025;N;03739.6834;E;1;2;3;4;");
        var bad = good[..^1] + (good[^1] == '0' ? '1' : '0');

        Assert.Equal("#ASD#1\r\n", Text(Decode(good).Reply));
        var rejected = Decode(bad);
        Assert.True(rejected.IsRejected);
        Assert.Null(rejected.Reply);
        Assert.Equal("#ASD#13\r\n", Text(rejected.RejectReply));
    }

    [Fact]
    public void Decode_TraccarV20NoFixRecord_AcceptedAsInvalidPointKeepingParams()
    {
        var result = Decode("#D#120319;112003;NA;NA;NA;NA;0.000;NA;NA;0;NA;NA;NA;NA;NA;101_521347:1:521246,101_158:1:510,101_521055:1:510,101_521055_2.9:1:509,101_521056:1:3;626B");

        Assert.Equal("#AD#1\r\n", Text(result.Reply));
        var point = Assert.Single(result.Points);
        Assert.False(point.Valid);
        Assert.Equal(0, point.Latitude);
        Assert.Equal(0, point.Longitude);
        Assert.Equal(new DateTimeOffset(2019, 3, 12, 11, 20, 3, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(0, point.SpeedKmh);
        Assert.Equal(0, point.Satellites);
        Assert.Equal(509, point.Attributes["101_521055_2.9"]);
    }

    [Fact]
    public void Decode_TraccarV20WithoutDateTime_RejectedAsIncorrectTime()
    {
        // The crc "0x9b0" is right (otherwise the answer would be #AD#16); NA date/time cannot be stamped without a clock.
        var result = Decode("#D#NA;NA;5429.681944502211763;N;02654.60403650999069;E;NA;NA;NA;NA;NA;NA;NA;1.0;NA;m1:1:9196679,d1:1:15397,t1:1:20,b1:1:162,fuel1:2:21588.0,pv1:2:35.98,finish:1:1;0x9b0");

        Assert.True(result.IsRejected);
        Assert.Null(result.Reply);
        Assert.Equal("#AD#0\r\n", Text(result.RejectReply));
    }

    [Fact]
    public void Decode_SpecParamsExample_MapsFuelAndKeepsNumericParams()
    {
        // Traccar test frame carrying the spec's own params example "count1:1:564,fuel:2:45.8,hw:3:V4.5".
        var point = Assert.Single(Decode("#D#270413;205601;5544.6025;N;03739.6834;E;1;2;3;4;0.0;0;0;14.77,0.02,3.6;NA;count1:1:564,fuel:2:45.8,hw:3:V4.5").Points);

        Assert.Equal(0.0, point.Hdop);
        Assert.Equal(45.8, point.FuelL);
        Assert.Equal(564, point.Attributes["count1"]);
        Assert.Equal(14.77, point.Attributes["adc1"]);
        Assert.Equal(0.02, point.Attributes["adc2"]);
        Assert.Equal(3.6, point.Attributes["adc3"]);
        Assert.Equal(0, point.Attributes["input"]);
        Assert.Equal(0, point.Attributes["output"]);
        Assert.False(point.Attributes.ContainsKey("hw"));
        Assert.False(point.Attributes.ContainsKey("fuel"));
    }

    [Fact]
    public void Decode_IgnitionAndMileageParams_MapToPointFields()
    {
        var point = Assert.Single(Decode("#D#270413;205601;5544.6025;N;03739.6834;E;1;2;3;4;0.9;3;0;NA;NA;IGN:1:1,mileage:2:120345.2,ignition_src:1:7").Points);

        Assert.True(point.Ignition);
        Assert.Equal(120345.2, point.OdometerKm);
        Assert.Equal(3, point.Attributes["input"]);
        Assert.Equal(7, point.Attributes["ignition_src"]);
    }

    [Theory]
    [InlineData("#D#151216;135910;5321.1466;N;04441.7929;E;87;156;265.000000;12;1.000000;241;NA;NA;NA;odo:2:0.000000,total_fuel:1:430087,can_fls:1:201,can_taho:1:11623,can_mileage:1:140367515", 53.352443, 44.696548, 87.0, "can_mileage", 140367515.0)]
    [InlineData("#D#151216;140203;5312.59514;N;04830.37834;E;53;273;NA;10;NA;NA;NA;NA;NA;EvId:1:1,Board:2:12.81,Accum:2:4.28", 53.209919, 48.506306, 53.0, "board", 12.81)]
    [InlineData("#D#190114;051312;4459.6956;N;04105.9930;E;35;306;204.000000;12;NA;452986639;NA;106.000000;NA;sats_gps:1:9,sats_glonass:1:3,balance:2:12123.000000,stay_balance:1:0", 44.994927, 41.099883, 35.0, "input", 452986639.0)]
    [InlineData("#D#021214;065947;2237.7552;N;11404.8851;E;0.000;;170.9;5;1.74;NA;NA;;NA;NA", 22.629253, 114.081418, 0.0, null, 0.0)]
    public void Decode_TraccarExtendedFrames_DecodeCoordinatesSpeedAndAttributes(
        string frame, double latitude, double longitude, double speed, string? key, double value)
    {
        var result = Decode(frame);

        Assert.Equal("#AD#1\r\n", Text(result.Reply));
        var point = Assert.Single(result.Points);
        PositionAssert.Valid(point);
        Assert.Equal(latitude, point.Latitude, 6);
        Assert.Equal(longitude, point.Longitude, 6);
        Assert.Equal(speed, point.SpeedKmh);
        if (key is not null)
        {
            Assert.Equal(value, point.Attributes[key]);
        }
    }

    [Fact]
    public void Decode_TraccarShortDataWithEmptyCourse_HeadingUnknown()
    {
        var point = Assert.Single(Decode("#SD#021214;065947;2237.7552;N;11404.8851;E;0.000;;170.9;5").Points);

        Assert.Null(point.Heading);
        Assert.Equal(170.9, point.AltitudeM);
        Assert.Equal(new DateTimeOffset(2014, 12, 2, 6, 59, 47, TimeSpan.Zero), point.DeviceTime);
    }

    [Theory]
    [InlineData("#SD#1;2;3", "#ASD#-1\r\n")]
    [InlineData("#SD#320413;205601;5544.6025;N;03739.6834;E;1;2;3;4", "#ASD#0\r\n")]
    [InlineData("#SD#270413;245601;5544.6025;N;03739.6834;E;1;2;3;4", "#ASD#0\r\n")]
    [InlineData("#SD#270413;205601;5564.6025;N;03739.6834;E;1;2;3;4", "#ASD#10\r\n")]
    [InlineData("#SD#270413;205601;9144.6025;N;03739.6834;E;1;2;3;4", "#ASD#10\r\n")]
    [InlineData("#SD#270413;205601;5544.6025;X;03739.6834;E;1;2;3;4", "#ASD#10\r\n")]
    [InlineData("#SD#270413;205601;5544.6025;N;NA;NA;1;2;3;4", "#ASD#10\r\n")]
    [InlineData("#SD#270413;205601;5544.6025;N;03739.6834;E;-1;2;3;4", "#ASD#11\r\n")]
    [InlineData("#SD#270413;205601;5544.6025;N;03739.6834;E;1;400;3;4", "#ASD#11\r\n")]
    [InlineData("#SD#270413;205601;5544.6025;N;03739.6834;E;1;2;3;x", "#ASD#12\r\n")]
    [InlineData("#D#270413;205601;5544.6025;N;03739.6834;E;1;2;3;4;-1;0;0;NA;NA;NA", "#AD#12\r\n")]
    [InlineData("#D#270413;205601;5544.6025;N;03739.6834;E;1;2;3;4;0.0;abc;0;NA;NA;NA", "#AD#13\r\n")]
    [InlineData("#D#270413;205601;5544.6025;N;03739.6834;E;1;2;3;4;0.0;0;0;1.5,x;NA;NA", "#AD#14\r\n")]
    [InlineData("#D#270413;205601;5544.6025;N;03739.6834;E;1;2;3;4;0.0;0;0;NA;NA;count1:1:5x", "#AD#15\r\n")]
    [InlineData("#D#270413;205601;5544.6025;N;03739.6834;E;1;2;3;4;0.0;0;0;NA;NA;count1:9:5", "#AD#15\r\n")]
    [InlineData("#D#270413;205601;5544.6025;N;03739.6834;E;1;2;3;4;0.0;0;0;NA;NA;novalue", "#AD#15\r\n")]
    public void Decode_BadField_RejectedWithSpecCodeAndNoPositiveAnswer(string frame, string rejectReply)
    {
        var result = Decode(frame);

        Assert.True(result.IsRejected);
        Assert.Null(result.Reply);
        Assert.Empty(result.Points);
        Assert.Equal(rejectReply, Text(result.RejectReply));
        Assert.False(result.CloseConnection);
    }

    [Theory]
    [InlineData(TraccarShortData)]
    [InlineData("#D#270413;205601;5544.6025;N;03739.6834;E;1;2;3;4;0.0;0;0;14.77,0.02,3.6;NA;count1:1:564")]
    [InlineData("#B#270413;205601;5544.6025;N;03739.6834;E;1;2;3;4")]
    public void Decode_DataBeforeLogin_RejectedWithoutAnyAnswer(string frame)
    {
        var result = Decode(frame, DeviceSession.Anonymous);

        Assert.True(result.IsRejected);
        Assert.Equal("not logged in", result.Error);
        Assert.Null(result.Reply);
        Assert.Null(result.RejectReply);
    }

    [Fact]
    public void Decode_TraccarDeviceIdPrefix_AcceptedOnlyForTheLoggedInDevice()
    {
        const string frame = "99999999#SD#270413;205601;5544.6025;N;03739.6834;E;1;2;3;4"; // Traccar (UDP-style id prefix)

        var own = Decode(frame, LoggedIn("99999999"));
        var other = Decode(frame, LoggedIn("123456789012345"));

        Assert.Equal(55.74338, Assert.Single(own.Points).Latitude, 5);
        Assert.True(other.IsRejected);
        Assert.Null(other.Reply);
        Assert.Empty(other.Points);
    }

    [Theory]
    [InlineData("#M#hello driver")]
    [InlineData("#I#1;2;3")]
    [InlineData("#XYZ#whatever")]
    public void Decode_UnsupportedMessageType_RejectedWithoutAnswer(string frame)
    {
        var result = Decode(frame);

        Assert.True(result.IsRejected);
        Assert.StartsWith("unsupported message type", result.Error, StringComparison.Ordinal);
        Assert.Null(result.Reply);
        Assert.Null(result.RejectReply);
        Assert.False(result.CloseConnection);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage without markers")]
    [InlineData("##")]
    [InlineData("#TOOLONGTYPE#x")]
    public void Decode_NotAWialonFrame_Rejected(string frame)
    {
        var result = Decode(frame);

        Assert.True(result.IsRejected);
        Assert.Null(result.Reply);
    }
}
