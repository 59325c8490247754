using System.Text;
using Fleet.Ingestion.Protocols.Teltonika;
using static Fleet.Tests.Protocols.Teltonika.TeltonikaSamples;

namespace Fleet.Tests.Protocols.Teltonika;

public sealed class Crc16IbmTests
{
    [Fact]
    public void Compute_CatalogueCheckString_Returns0xBB3D()
    {
        // CRC RevEng catalogue, CRC-16/ARC (= CRC-16/IBM): check value for "123456789" is 0xBB3D.
        Assert.Equal(0xBB3D, Crc16Ibm.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void Compute_Empty_ReturnsInitialValueZero() => Assert.Equal(0, Crc16Ibm.Compute([]));

    [Theory]
    [InlineData(WikiCodec8, 0xC7CF)]
    [InlineData(WikiCodec8Extended, 0x2994)]
    [InlineData(TraccarCodec8PortugalWest, 0x07A4)]
    public void Compute_AvlDataOfRealPacket_MatchesTransmittedCrc(string hex, int crc)
    {
        Assert.Equal(crc, Crc16Ibm.Compute(TeltonikaPacketBuilder.AvlData(Bytes(hex))));
    }
}
