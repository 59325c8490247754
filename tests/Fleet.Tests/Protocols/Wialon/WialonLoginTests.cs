using Fleet.Ingestion.Protocols;
using static Fleet.Tests.Protocols.Wialon.WialonFrames;

namespace Fleet.Tests.Protocols.Wialon;

public sealed class WialonLoginTests
{
    [Theory]
    [InlineData("#L#123456789012345;test", "123456789012345")] // Traccar WialonProtocolDecoderTest (v1.1)
    [InlineData("#L#2002;NA", "2002")]                          // Traccar WialonProtocolDecoderTest (v1.1, no password)
    public void Decode_V11Login_AnnouncesDeviceWithSpecAnswers(string frame, string deviceId)
    {
        var result = Decode(frame, DeviceSession.Anonymous);

        Assert.False(result.IsRejected);
        Assert.True(result.IsLogin);
        Assert.Equal(deviceId, result.DeviceId);
        Assert.Equal("#AL#1\r\n", Text(result.Reply));
        Assert.Equal("#AL#0\r\n", Text(result.RejectReply));
        Assert.Empty(result.Points);
    }

    [Fact]
    public void Decode_V20LoginWithGoodCrc_AnnouncesDevice()
    {
        // Traccar's v2.0 login "#L#2.0;42001300083;;CE45" with the crc recomputed (see the mismatch test below).
        var frame = WithCrc("#L#2.0;42001300083;;");
        Assert.EndsWith(";DBEB", frame, StringComparison.Ordinal);

        var result = Decode(frame, DeviceSession.Anonymous);

        Assert.False(result.IsRejected);
        Assert.True(result.IsLogin);
        Assert.Equal("42001300083", result.DeviceId);
        Assert.Equal("#AL#1\r\n", Text(result.Reply));
    }

    [Fact]
    public void Decode_V20LoginWithWrongCrc_RefusedWithChecksumAnswer()
    {
        // Traccar WialonProtocolDecoderTest: its crc CE45 does not match the body (CRC-16 is DBEB; Traccar never checks it).
        var result = Decode("#L#2.0;42001300083;;CE45", DeviceSession.Anonymous);

        Assert.True(result.IsRejected);
        Assert.Contains("checksum", result.Error, StringComparison.Ordinal);
        Assert.Null(result.Reply);
        Assert.Null(result.DeviceId);
        Assert.Equal("#AL#10\r\n", Text(result.RejectReply));
        Assert.False(result.CloseConnection);
    }

    [Theory]
    [InlineData("#L#")]
    [InlineData("#L#onlyimei")]
    [InlineData("#L#2.0;imei;password")]
    [InlineData("#L#a;b;c;d;e")]
    [InlineData("#L#;password")]
    [InlineData("#L#imei with space;pw")]
    public void Decode_MalformedLogin_RefusedWithAl0(string frame)
    {
        var result = Decode(frame, DeviceSession.Anonymous);

        Assert.True(result.IsRejected);
        Assert.Null(result.Reply);
        Assert.Equal("#AL#0\r\n", Text(result.RejectReply));
    }

    [Fact]
    public void Decode_Ping_AnsweredWithAp()
    {
        var result = Decode("#P#"); // Traccar WialonProtocolDecoderTest

        Assert.False(result.IsRejected);
        Assert.Equal("#AP#\r\n", Text(result.Reply));
        Assert.Empty(result.Points);
    }
}
