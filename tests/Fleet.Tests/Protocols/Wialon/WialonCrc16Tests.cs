using System.Text;
using Fleet.Ingestion.Protocols.Wialon;

namespace Fleet.Tests.Protocols.Wialon;

public sealed class WialonCrc16Tests
{
    // Real v2.0 packets from Traccar's WialonProtocolDecoderTest: the crc16 field after the last ';' equals CRC-16/ARC
    // (poly 0xA001 reflected, init 0) of the body after "#D#" up to and including that ';'.
    [Theory]
    [InlineData("NA;NA;5429.681944502211763;N;02654.60403650999069;E;NA;NA;NA;NA;NA;NA;NA;1.0;NA;m1:1:9196679,d1:1:15397,t1:1:20,b1:1:162,fuel1:2:21588.0,pv1:2:35.98,finish:1:1;", 0x09B0)]
    [InlineData("120319;112003;NA;NA;NA;NA;0.000;NA;NA;0;NA;NA;NA;NA;NA;101_521347:1:521246,101_158:1:510,101_521055:1:510,101_521055_2.9:1:509,101_521056:1:3;", 0x626B)]
    [InlineData("101118;061143;0756.0930;N;12338.6403;E;18.223;99.766;-4.000;10;0.800;NA;NA;NA;NA;101_521347:1:521249,101_521126:1:6593598,101_521127:1:774780,101_521072_21.1:1:0,101_521072_21.2:1:71353;", 0xF24A)]
    public void Compute_TraccarV2Packets_MatchesTheirCrcField(string coveredBody, int expected)
    {
        Assert.Equal(expected, WialonCrc16.Compute(Encoding.ASCII.GetBytes(coveredBody)));
    }

    [Fact]
    public void Compute_CheckString_GivesCrc16ArcCheckValue()
    {
        // 0xBB3D is the published check value of CRC-16/ARC for "123456789".
        Assert.Equal(0xBB3D, WialonCrc16.Compute("123456789"u8));
    }

    [Theory]
    [InlineData("F24A", 0xF24A)]
    [InlineData("f24a", 0xF24A)]
    [InlineData("0x9b0", 0x09B0)]
    [InlineData("626B", 0x626B)]
    [InlineData("0", 0)]
    public void TryParseField_DeviceFormats_Parse(string field, int expected)
    {
        Assert.True(WialonCrc16.TryParseField(Encoding.ASCII.GetBytes(field), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("12345")]
    [InlineData("G24A")]
    [InlineData("NA")]
    public void TryParseField_Malformed_ReturnsFalse(string field)
    {
        Assert.False(WialonCrc16.TryParseField(Encoding.ASCII.GetBytes(field), out _));
    }
}
