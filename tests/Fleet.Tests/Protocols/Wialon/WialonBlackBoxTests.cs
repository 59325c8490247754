using static Fleet.Tests.Protocols.Wialon.WialonFrames;

namespace Fleet.Tests.Protocols.Wialon;

/// <summary>Black box (#B#) packets; records from Traccar's WialonProtocolDecoderTest.</summary>
public sealed class WialonBlackBoxTests
{
    private const string Record1 = "080914;073235;5027.50625;N;03026.19321;E;0.700;0.000;NA;4;NA;NA;NA;;NA;Батарея:3:100 %";
    private const string Record2 = "080914;073420;5027.50845;N;03026.18854;E;1.996;292.540;NA;4;NA;NA;NA;;NA;Батарея:3:100 %";

    // Traccar's record with latitude "5364.0167": 64 minutes, which DDMM.MMMM cannot hold (Traccar accepts it).
    private const string BadMinutesRecord = "110315;045857;5364.0167;N;06127.8262;E;0;155;965;7;2.40;4;0;;NA;Uacc:2:3.4,Iacc:2:0.000,Uext:2:13.2,Tcpu:2:14.4,Balance:2:167.65,GPS:3:Off";

    [Fact]
    public void Decode_TraccarTwoRecords_BothPointsAndCountAnswer()
    {
        var result = Decode("#B#" + Record1 + "|" + Record2);

        Assert.False(result.IsRejected);
        Assert.Equal("#AB#2\r\n", Text(result.Reply));
        Assert.Equal(2, result.Points.Count);
        var first = result.Points[0];
        var second = result.Points[1];
        Assert.Equal(new DateTimeOffset(2014, 9, 8, 7, 32, 35, TimeSpan.Zero), first.DeviceTime);
        Assert.Equal(50.458438, first.Latitude, 6);
        Assert.Equal(30.436554, first.Longitude, 6);
        Assert.Equal(0.7, first.SpeedKmh);
        Assert.Equal(new DateTimeOffset(2014, 9, 8, 7, 34, 20, TimeSpan.Zero), second.DeviceTime);
        Assert.Equal(292.54, second.Heading);
        Assert.Equal(1.996, second.SpeedKmh);
        Assert.All(result.Points, PositionAssert.Valid);
        Assert.All(result.Points, p => Assert.Empty(p.Attributes)); // "Батарея" is a string param: nothing numeric
    }

    [Fact]
    public void Decode_TraccarSingleRecordWithoutSatellites_OnePointValid()
    {
        var result = Decode("#B#110914;102132;5027.50728;N;03026.20369;E;1.979;288.170;NA;NA;NA;NA;NA;;NA;Батарея:3:100 %");

        Assert.Equal("#AB#1\r\n", Text(result.Reply));
        var point = Assert.Single(result.Points);
        Assert.Null(point.Satellites);
        Assert.True(point.Valid);
        Assert.Equal(50.458455, point.Latitude, 6);
    }

    [Fact]
    public void Decode_GoodAndBadRecords_CountsOnlyTheGoodOnes()
    {
        var result = Decode("#B#" + Record1 + "|" + BadMinutesRecord + "|" + Record2);

        Assert.False(result.IsRejected);
        Assert.Equal("#AB#2\r\n", Text(result.Reply));
        Assert.Equal(2, result.Points.Count);
    }

    [Theory]
    [InlineData("#B#" + BadMinutesRecord)]
    [InlineData("#B#110315;045857;5364.0167;N;06127.8262;E;0;155;965;7;2.40;4;0;14.77,0.02,3.6;AB45DF01145;")] // Traccar
    [InlineData("#B#")]
    public void Decode_NoGoodRecord_RejectedWithZeroCount(string frame)
    {
        var result = Decode(frame);

        Assert.True(result.IsRejected);
        Assert.Contains("record 0", result.Error, StringComparison.Ordinal);
        Assert.Null(result.Reply);
        Assert.Empty(result.Points);
        Assert.Equal("#AB#0\r\n", Text(result.RejectReply));
    }

    [Fact]
    public void Decode_V20WithGoodCrc_AcceptsAllRecords()
    {
        var result = Decode(WithCrc("#B#" + Record1 + "|" + Record2 + "|"));

        Assert.Equal("#AB#2\r\n", Text(result.Reply));
        Assert.Equal(2, result.Points.Count);
    }

    [Fact]
    public void Decode_V20WithBadCrc_RejectedWithEmptyAnswer()
    {
        var result = Decode("#B#" + Record1 + "|" + Record2 + "|0000");

        Assert.True(result.IsRejected);
        Assert.Contains("checksum", result.Error, StringComparison.Ordinal);
        Assert.Null(result.Reply);
        Assert.Empty(result.Points);
        Assert.Equal("#AB#\r\n", Text(result.RejectReply));
    }

    [Fact]
    public void Decode_ShortAndExtendedRecordsMixed_BothDecoded()
    {
        var result = Decode("#B#270413;205601;5544.6025;N;03739.6834;E;1;2;3;4|" + Record1);

        Assert.Equal("#AB#2\r\n", Text(result.Reply));
        Assert.Equal(55.743375, result.Points[0].Latitude, 6);
        Assert.Equal(50.458438, result.Points[1].Latitude, 6);
    }
}
