using Fleet.Ingestion.Protocols.Teltonika;
using static Fleet.Tests.Protocols.Teltonika.TeltonikaSamples;

namespace Fleet.Tests.Protocols.Teltonika;

/// <summary>UDP datagrams: the wiki's examples with their exact acknowledgements, and rejections.</summary>
public sealed class TeltonikaUdpDecoderTests
{
    private const string WikiUdpImei = "352093086403655";
    private readonly TeltonikaUdpDecoder _decoder = new();

    [Fact]
    public void Decode_WikiUdpCodec8_ReturnsDocumentedAckAndRecord()
    {
        var result = _decoder.Decode(Bytes(WikiUdpCodec8));

        Assert.False(result.IsRejected, result.Error);
        Assert.Equal(WikiUdpImei, result.DeviceId);
        Assert.Equal(Bytes("0005CAFE010501"), result.Reply);
        var point = Assert.Single(result.Points);
        Assert.Equal(new DateTimeOffset(2019, 6, 13, 6, 23, 26, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(1, point.Attributes["priority"]);
        Assert.Equal(1, point.Attributes["event"]);
        Assert.Equal(3, point.Attributes["rssi"]);
        Assert.Equal(1, point.Attributes["din1"]);
        Assert.Equal(23.996, point.Attributes["power"]); // IO 66 = 0x5DBC mV
        Assert.False(point.Valid);
        PositionAssert.Valid(point);
    }

    [Fact]
    public void Decode_WikiUdpCodec8Extended_ReturnsDocumentedAckAndRecord()
    {
        var result = _decoder.Decode(Bytes(WikiUdpCodec8Extended));

        Assert.Equal(WikiUdpImei, result.DeviceId);
        Assert.Equal(Bytes("0005CAFE010701"), result.Reply);
        var point = Assert.Single(result.Points);
        Assert.Equal(new DateTimeOffset(2019, 6, 13, 6, 25, 21, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(157, point.Attributes["io17"]);
        Assert.Equal(22949, point.OdometerKm);
    }

    [Fact]
    public void Decode_MultiRecordSouthernArrayOverUdp_AcknowledgesRecordCountAndEchoesIds()
    {
        var avlData = TeltonikaPacketBuilder.AvlData(Bytes(TraccarCodec8JakartaSouth));
        var datagram = TeltonikaPacketBuilder.UdpDatagram(0x1234, 0xA7, "123456789012345", avlData);

        var result = _decoder.Decode(datagram);

        Assert.Equal("123456789012345", result.DeviceId);
        Assert.Equal(Bytes("0005123401A706"), result.Reply);
        Assert.Equal(6, result.Points.Count);
        Assert.Equal(-6.27658, result.Points[0].Latitude);
    }

    [Fact]
    public void Decode_ConstructedSouthWestOverUdp_NegativeCoordinates()
    {
        var avlData = TeltonikaPacketBuilder.AvlData(Bytes(ConstructedCodec8BuenosAires));
        var datagram = TeltonikaPacketBuilder.UdpDatagram(1, 2, WikiUdpImei, avlData);

        var point = Assert.Single(_decoder.Decode(datagram).Points);

        Assert.Equal(-34.6037222, point.Latitude);
        Assert.Equal(-58.3815704, point.Longitude);
        Assert.Equal("sos", point.Alarm);
    }

    [Fact]
    public void Decode_LengthFieldDisagreesWithDatagram_RejectedWithoutAck()
    {
        byte[] datagram = [.. Bytes(WikiUdpCodec8), 0x00];

        var result = _decoder.Decode(datagram);

        Assert.True(result.IsRejected);
        Assert.Null(result.Reply);
        Assert.Empty(result.Points);
    }

    [Theory]
    [InlineData("")]
    [InlineData("003D")]
    [InlineData("003DCAFE0105")]
    public void Decode_TruncatedHeader_Rejected(string hex)
    {
        var result = _decoder.Decode(Bytes(hex));

        Assert.Equal("truncated UDP header", result.Error);
        Assert.Null(result.Reply);
    }

    [Fact]
    public void Decode_ImeiWithLetters_Rejected()
    {
        var avlData = TeltonikaPacketBuilder.AvlData(Bytes(WikiCodec8));
        var datagram = TeltonikaPacketBuilder.UdpDatagram(1, 1, "35209308640365X", avlData);

        var result = _decoder.Decode(datagram);

        Assert.Equal("malformed IMEI in UDP header", result.Error);
        Assert.Null(result.Reply);
    }

    [Fact]
    public void Decode_RecordCountsDiffer_RejectedWithoutAck()
    {
        var datagram = Bytes(WikiUdpCodec8);
        datagram[^1] = 0x02;

        var result = _decoder.Decode(datagram);

        Assert.Equal("record counts differ (1 vs 2)", result.Error);
        Assert.Equal(WikiUdpImei, result.DeviceId);
        Assert.Null(result.Reply);
    }

    [Fact]
    public void Decode_NonAvlCodec_Rejected()
    {
        var avlData = TeltonikaPacketBuilder.AvlData(Bytes(TraccarCodec12Response));
        var datagram = TeltonikaPacketBuilder.UdpDatagram(1, 1, WikiUdpImei, avlData);

        var result = _decoder.Decode(datagram);

        Assert.Equal("unsupported codec 0x0C", result.Error);
        Assert.Null(result.Reply);
    }
}
