using Fleet.Ingestion.Protocols;
using Fleet.Ingestion.Protocols.Teltonika;
using static Fleet.Tests.Protocols.Teltonika.TeltonikaSamples;

namespace Fleet.Tests.Protocols.Teltonika;

/// <summary>Real device captures from Traccar's TeltonikaProtocolDecoderTest, decoded value by value.</summary>
public sealed class TeltonikaCapturedPacketTests
{
    private static readonly DeviceSession LoggedIn = new("123456789012345");
    private readonly TeltonikaProtocol _protocol = new();

    public static TheoryData<string, int> AllPositionPackets => new()
    {
        { WikiCodec8, 1 },
        { WikiCodec8Second, 1 },
        { WikiCodec8TwoRecords, 2 },
        { WikiCodec8Extended, 1 },
        { WikiCodec16, 2 },
        { TraccarCodec8Vienna, 1 },
        { TraccarCodec8ThreeRecords, 3 },
        { TraccarCodec8JakartaSouth, 6 },
        { TraccarCodec8PortugalWest, 14 },
        { TraccarCodec8ExtendedCapeTownSouth, 2 },
        { TraccarCodec8ExtendedVinAndDtc, 1 },
        { TraccarCodec8ExtendedBeacons, 2 },
        { TraccarCodec8ExtendedVilnius, 1 },
        { ConstructedCodec8BuenosAires, 1 },
    };

    [Theory]
    [MemberData(nameof(AllPositionPackets))]
    public void Decode_RealPacket_AcknowledgesEveryRecordWithinRanges(string hex, int records)
    {
        var result = _protocol.Decode(Bytes(hex), LoggedIn);

        Assert.False(result.IsRejected, result.Error);
        Assert.Equal(records, result.Points.Count);
        Assert.Equal([0x00, 0x00, 0x00, (byte)records], result.Reply);
        Assert.All(result.Points, PositionAssert.Valid);
    }

    [Fact]
    public void Decode_TraccarVienna_DecodesGpsAndIo()
    {
        var point = Assert.Single(_protocol.Decode(Bytes(TraccarCodec8Vienna), LoggedIn).Points);

        Assert.Equal(new DateTimeOffset(2019, 1, 4, 12, 27, 19, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(48.1523066, point.Latitude);
        Assert.Equal(16.3745183, point.Longitude);
        Assert.True(point.Valid);
        Assert.Equal(190, point.AltitudeM);
        Assert.Equal(198, point.Heading);
        Assert.Equal(15, point.Satellites);
        Assert.Equal(83, point.SpeedKmh);
        Assert.Equal(2656.224, point.OdometerKm);         // IO 16 = 2656224 m
        Assert.Equal(14.233, point.Attributes["power"]);  // IO 66 = 14233 mV
        Assert.Equal(3.976, point.Attributes["battery"]); // IO 67 = 3976 mV
        Assert.Equal(1, point.Attributes["motion"]);      // IO 240
        Assert.Equal(3, point.Attributes["rssi"]);        // IO 21
        Assert.Equal(1, point.Attributes["din1"]);        // IO 1
        Assert.Equal(83, point.Attributes["io24"]);       // IO 24 (GNSS speed) is kept raw
        Assert.Null(point.Ignition);                      // no IO 239 in this record
    }

    [Fact]
    public void Decode_TraccarThreeRecords_KeepsDeviceOrderAndMilliseconds()
    {
        var points = _protocol.Decode(Bytes(TraccarCodec8ThreeRecords), LoggedIn).Points;

        Assert.Equal(3, points.Count);
        var first = points[0];
        Assert.Equal(new DateTimeOffset(2022, 3, 28, 4, 53, 34, 230, TimeSpan.Zero), first.DeviceTime);
        Assert.Equal(24.9484381, first.Latitude);
        Assert.Equal(67.1363518, first.Longitude);
        Assert.Equal(56, first.AltitudeM);
        Assert.Equal(301, first.Heading);
        Assert.Equal(16, first.Satellites);
        Assert.Equal(250, first.Attributes["event"]);
        Assert.Equal(1, first.Attributes["gnssStatus"]);   // IO 69
        Assert.Equal(6, first.Attributes["tripOdometer"]); // IO 199, metres
        Assert.Equal(12.961, first.Attributes["power"]);
        Assert.Equal(0, first.Attributes["din2"]);
        Assert.Equal(new DateTimeOffset(2021, 6, 4, 3, 19, 23, 160, TimeSpan.Zero), points[2].DeviceTime);
        Assert.Equal(97, points[2].SpeedKmh);
        Assert.Equal(327, points[2].Attributes["tripOdometer"]);
    }

    [Fact]
    public void Decode_TraccarJakarta_SouthernHemisphereIsNegativeLatitude()
    {
        var points = _protocol.Decode(Bytes(TraccarCodec8JakartaSouth), LoggedIn).Points;

        Assert.Equal(6, points.Count);
        Assert.Equal(-6.27658, points[0].Latitude);     // 0xFC424518 two's complement
        Assert.Equal(106.7956096, points[0].Longitude);
        Assert.Equal(new DateTimeOffset(2013, 4, 30, 9, 58, 3, 211, TimeSpan.Zero), points[0].DeviceTime);
        Assert.Equal(26.791, points[0].Attributes["power"]);
        Assert.All(points, p => Assert.InRange(p.Latitude, -6.28, -6.27));
    }

    [Fact]
    public void Decode_TraccarPortugal_WesternHemisphereIsNegativeLongitude()
    {
        var points = _protocol.Decode(Bytes(TraccarCodec8PortugalWest), LoggedIn).Points;

        Assert.Equal(14, points.Count);
        var first = points[0];
        Assert.Equal(-8.6313433, first.Longitude);   // 0xFADAF627 two's complement
        Assert.Equal(40.9420533, first.Latitude);
        Assert.Equal(6, first.SpeedKmh);
        Assert.Equal(72, first.Heading);
        Assert.Equal(8, first.Satellites);
        Assert.Equal(6.917, first.OdometerKm);
        Assert.False(points[1].Valid);               // 0 satellites in the second record
        Assert.Equal(-8.6333633, points[13].Longitude);
        Assert.All(points, p => Assert.True(p.Longitude < 0));
    }

    [Fact]
    public void Decode_TraccarCapeTown8E_ReadsTwoByteEventIdsAndSouthernLatitude()
    {
        var points = _protocol.Decode(Bytes(TraccarCodec8ExtendedCapeTownSouth), LoggedIn).Points;

        Assert.Equal(2, points.Count);
        Assert.Equal(-33.9656016, points[0].Latitude);
        Assert.Equal(18.8357883, points[0].Longitude);
        Assert.False(points[0].Valid);                    // 0 satellites
        Assert.Equal(236, points[0].Attributes["event"]);
        Assert.Equal(389, points[1].Attributes["event"]);
        Assert.Equal(1, points[0].Attributes["io263"]);   // 1-byte value behind a 2-byte id above 255
        Assert.Equal(2, points[0].Attributes["gnssStatus"]);
        Assert.Equal(3.414, points[0].Attributes["battery"]);
        Assert.Equal(17, points[1].Attributes["io389"]);
    }

    [Fact]
    public void Decode_TraccarVinAndDtc8E_SkipsVariableLengthElementsAndKeepsNumbers()
    {
        var point = Assert.Single(_protocol.Decode(Bytes(TraccarCodec8ExtendedVinAndDtc), LoggedIn).Points);

        Assert.Equal(new DateTimeOffset(2021, 4, 8, 10, 52, 26, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(52.0296716, point.Latitude);
        Assert.Equal(6.7877833, point.Longitude);
        Assert.Equal(19, point.SpeedKmh);
        Assert.Equal(225, point.Heading);
        Assert.True(point.Ignition);                          // IO 239 = 1
        Assert.Equal(41.397, point.OdometerKm);               // IO 16 = 41397 m
        Assert.Equal(30, point.Attributes["tripOdometer"]);   // IO 199
        Assert.Equal(3.991, point.Attributes["battery"]);
        Assert.DoesNotContain("io256", point.Attributes.Keys); // VIN
        Assert.DoesNotContain("io281", point.Attributes.Keys); // DTC list
    }

    [Fact]
    public void Decode_TraccarBeacons8E_RecordWithOnlyVariableLengthIoDecodes()
    {
        var points = _protocol.Decode(Bytes(TraccarCodec8ExtendedBeacons), LoggedIn).Points;

        Assert.Equal(2, points.Count);
        Assert.Equal(55.365185, points[0].Latitude);
        Assert.Equal(10.2598799, points[0].Longitude);
        Assert.Equal(new DateTimeOffset(2020, 8, 31, 6, 0, 56, 1, TimeSpan.Zero), points[0].DeviceTime);
        Assert.Equal(["event", "priority"], points[0].Attributes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(13, points[1].Satellites);
    }

    [Fact]
    public void Decode_TraccarVilnius8E_MapsDilutionAndIgnitionOff()
    {
        var point = Assert.Single(_protocol.Decode(Bytes(TraccarCodec8ExtendedVilnius), LoggedIn).Points);

        Assert.Equal(54.6708533, point.Latitude);
        Assert.Equal(25.2545883, point.Longitude);
        Assert.Equal(0.7, point.Hdop);               // IO 182 = 7
        Assert.Equal(0.8, point.Attributes["pdop"]); // IO 181 = 8
        Assert.False(point.Ignition);                // IO 239 = 0
        Assert.Equal(1, point.Attributes["motion"]);
        Assert.Equal(4, point.Attributes["rssi"]);
        Assert.Equal(12.508, point.Attributes["power"]);
    }
}
