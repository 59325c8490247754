using System.Net;
using System.Net.Sockets;
using System.Text;
using Fleet.Ingestion.Pipeline;
using Fleet.Ingestion.Protocols.Gt06;
using Fleet.Tests.Protocols.Teltonika;
using static Fleet.Tests.Ingestion.IngestionFixture;

namespace Fleet.Tests.Ingestion;

/// <summary>
/// Binary and text device protocols end to end: real sockets → Ingestion → the mock Kafka broker. The ACK must
/// arrive only once Kafka has the point, so right after the ACK the message is already in telemetry.raw.
/// </summary>
public sealed class BinaryProtocolIngestionTests(IngestionFixture fixture) : IClassFixture<IngestionFixture>
{
    private string Bootstrap => fixture.Kafka.BootstrapServers;

    private static byte[] Hex(string hex) => Convert.FromHexString(hex);

    [Fact]
    public async Task Teltonika_TcpPacket_AckedOnlyOnceKafkaHasTheExpectedMessage()
    {
        using var device = await DeviceSocket.ConnectAsync(fixture.Host.Ports["Teltonika"]);
        await device.SendAsync(Hex(TeltonikaSamples.TraccarLogin));
        Assert.Equal([0x01], await device.ReceiveAsync(1));
        var before = TelemetryRawReader.HighWatermarks(Bootstrap);
        var sentAt = DateTimeOffset.UtcNow;

        await device.SendAsync(Hex(TeltonikaSamples.TraccarCodec8Vienna));
        Assert.Equal([0, 0, 0, 1], await device.ReceiveAsync(4));

        // Read without waiting: the ACK is only sent after the delivery report, so Kafka already holds it.
        Assert.Equal(before + 1, TelemetryRawReader.HighWatermarks(Bootstrap));
        var message = Assert.Single(TelemetryRawReader.WaitFor(Bootstrap, TeltonikaImei, 1));
        Assert.Equal(TeltonikaImei, message.DeviceId);
        Assert.Equal("teltonika", message.Protocol);
        Assert.Equal(new DateTimeOffset(2019, 1, 4, 12, 27, 19, TimeSpan.Zero).ToUnixTimeMilliseconds(), message.DeviceTimeMs);
        Assert.InRange(message.ServerTimeMs, sentAt.ToUnixTimeMilliseconds() - 1000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Equal(48.1523066, message.Lat);
        Assert.Equal(16.3745183, message.Lon);
        Assert.True(message.Valid);
        Assert.Equal(83, message.SpeedKmh);
        Assert.Equal(198, message.Heading);
        Assert.Equal(190, message.AltitudeM);
        Assert.Equal(15, message.Satellites);
        Assert.Equal(2656.224, message.OdometerKm);
        Assert.Equal(14.233, message.Attributes["power"]);
        Assert.False(message.HasIgnition);
    }

    [Fact]
    public async Task Teltonika_BadChecksum_NotAcknowledgedAndConnectionGoesOn()
    {
        using var device = await DeviceSocket.ConnectAsync(fixture.Host.Ports["Teltonika"]);
        await device.SendAsync(Hex(TeltonikaSamples.TraccarLogin));
        Assert.Equal([0x01], await device.ReceiveAsync(1));
        var corrupt = Hex(TeltonikaSamples.WikiCodec8TwoRecords);
        corrupt[^1] ^= 0xFF;

        await device.SendAsync(corrupt);
        await device.SendAsync(Hex(TeltonikaSamples.TraccarCodec8Vienna));

        // The first 4 bytes back answer the good packet (1 record): the corrupt one (2 records) got nothing.
        Assert.Equal([0, 0, 0, 1], await device.ReceiveAsync(4));
    }

    [Fact]
    public async Task Teltonika_InvalidPointsInFrame_DroppedCountedAndStillAcknowledged()
    {
        using var probe = new IngestionMetricsProbe(fixture.Host.MeterFactory);
        using var device = await DeviceSocket.ConnectAsync(fixture.Host.Ports["Teltonika"]);
        await device.SendAsync(Hex(TeltonikaSamples.WikiLogin));
        Assert.Equal([0x01], await device.ReceiveAsync(1));
        var before = TelemetryRawReader.HighWatermarks(Bootstrap);

        // Wiki Codec 8 example: position 0,0 with no satellites, i.e. no fix.
        await device.SendAsync(Hex(TeltonikaSamples.WikiCodec8));

        Assert.Equal([0, 0, 0, 1], await device.ReceiveAsync(4)); // the record count received, not the count stored
        Assert.Equal(before, TelemetryRawReader.HighWatermarks(Bootstrap));
        Assert.Equal(1, probe.Total("fleet.ingestion.points.rejected", PointValidator.ZeroPositionWithoutFix));
    }

    [Fact]
    public async Task Teltonika_UdpDatagram_AckedWithPacketIdAfterKafkaHasIt()
    {
        var avl = TeltonikaPacketBuilder.AvlData(Hex(TeltonikaSamples.TraccarCodec8Vienna));
        var datagram = TeltonikaPacketBuilder.UdpDatagram(0xCAFE, 0x07, TeltonikaUdpImei, avl);
        using var udp = new UdpClient(AddressFamily.InterNetwork);
        var before = TelemetryRawReader.HighWatermarks(Bootstrap);

        await udp.SendAsync(datagram, new IPEndPoint(IPAddress.Loopback, fixture.Host.Ports["TeltonikaUdp"]), TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var reply = await udp.ReceiveAsync(timeout.Token);

        Assert.Equal(Hex("0005CAFE010701"), reply.Buffer);
        Assert.Equal(before + 1, TelemetryRawReader.HighWatermarks(Bootstrap));
        var message = Assert.Single(TelemetryRawReader.WaitFor(Bootstrap, TeltonikaUdpImei, 1));
        Assert.Equal(48.1523066, message.Lat);
        Assert.Equal(83, message.SpeedKmh);
        Assert.Equal("teltonika", message.Protocol);
    }

    [Fact]
    public async Task Gt06_LoginThenLocation_AcknowledgedAndPublished()
    {
        using var device = await DeviceSocket.ConnectAsync(fixture.Host.Ports["Gt06"]);
        await device.SendAsync(Hex("78780d01035851102027907501bd521a0d0a"));
        Assert.Equal(Hex("7878050101bdbfe30d0a"), await device.ReceiveAsync(10));

        await device.SendAsync(Hex("78781f120f0a140e150bc505e51e780293a9e800540000f601006e0055da00035f240d0a"));

        var message = Assert.Single(TelemetryRawReader.WaitFor(Bootstrap, Gt06Imei, 1));
        Assert.Equal("gt06", message.Protocol);
        Assert.Equal(new DateTimeOffset(2015, 10, 20, 14, 21, 11, TimeSpan.Zero).ToUnixTimeMilliseconds(), message.DeviceTimeMs);
        Assert.Equal(54.94535, message.Lat, 1e-5);
        Assert.Equal(24.01762, message.Lon, 1e-5);
        Assert.Equal(5, message.Satellites);
    }

    [Fact]
    public async Task H02_TextLocation_Published()
    {
        using var device = await DeviceSocket.ConnectAsync(fixture.Host.Ports["H02"]);

        await device.SendAsync(Encoding.ASCII.GetBytes("*HQ,4210051415,V1,164549,A,0956.3869,N,08406.7068,W,000.00,000,221215,FFFFFBFF,712,01,0,0,6#"));

        var message = Assert.Single(TelemetryRawReader.WaitFor(Bootstrap, H02Id, 1));
        Assert.Equal("h02", message.Protocol);
        Assert.Equal(9.93978, message.Lat, 1e-5);
        Assert.Equal(-84.11178, message.Lon, 1e-5);
        Assert.False(message.Ignition);
    }

    [Fact]
    public async Task Wialon_LoginAndShortData_AnsweredAfterKafkaHasIt()
    {
        using var device = await DeviceSocket.ConnectAsync(fixture.Host.Ports["Wialon"]);
        await device.SendAsync(Encoding.ASCII.GetBytes($"#L#{WialonId};secret\r\n"));
        Assert.Equal("#AL#1\r\n", await device.ReceiveLineAsync());
        var before = TelemetryRawReader.HighWatermarks(Bootstrap);

        await device.SendAsync(Encoding.ASCII.GetBytes("#SD#270413;205601;5544.6025;N;03739.6834;E;1;2;3;4\r\n"));

        Assert.Equal("#ASD#1\r\n", await device.ReceiveLineAsync());
        Assert.Equal(before + 1, TelemetryRawReader.HighWatermarks(Bootstrap));
        var message = Assert.Single(TelemetryRawReader.WaitFor(Bootstrap, WialonId, 1));
        Assert.Equal("wialon", message.Protocol);
        Assert.Equal(55.74337, message.Lat, 1e-5);
        Assert.Equal(37.66139, message.Lon, 1e-5);
        Assert.Equal(1, message.SpeedKmh);
        Assert.Equal(4, message.Satellites);
    }

    [Fact]
    public async Task UnknownDevice_RejectPolicy_RefusedByEveryProtocol()
    {
        using (var teltonika = await DeviceSocket.ConnectAsync(fixture.Host.Ports["Teltonika"]))
        {
            await teltonika.SendAsync(TeltonikaPacketBuilder.Login(UnknownImei));
            Assert.Equal([0x00], await teltonika.ReceiveAsync(1));
            Assert.True(await teltonika.ClosedWithoutReplyAsync());
        }

        using (var wialon = await DeviceSocket.ConnectAsync(fixture.Host.Ports["Wialon"]))
        {
            await wialon.SendAsync(Encoding.ASCII.GetBytes($"#L#{UnknownImei};x\r\n"));
            Assert.Equal("#AL#0\r\n", await wialon.ReceiveLineAsync());
        }

        using var gt06 = await DeviceSocket.ConnectAsync(fixture.Host.Ports["Gt06"]);
        await gt06.SendAsync(Gt06Login(UnknownImei));
        Assert.True(await gt06.ClosedWithoutReplyAsync());
    }

    [Fact]
    public async Task DisabledDevice_TeltonikaLoginRefusedWithZero()
    {
        using var device = await DeviceSocket.ConnectAsync(fixture.Host.Ports["Teltonika"]);

        await device.SendAsync(TeltonikaPacketBuilder.Login(DisabledImei));

        Assert.Equal([0x00], await device.ReceiveAsync(1));
        Assert.True(await device.ClosedWithoutReplyAsync());
    }

    [Fact]
    public async Task DeviceDisabledWhileRunning_ChangeMessageApplied_NextLoginRefused()
    {
        const string imei = "222222222222222";
        await fixture.RegisterAsync(imei, enabled: true, token: null);
        await WaitForLoginAsync(imei, expected: 0x01);

        await fixture.RegisterAsync(imei, enabled: false, token: null);

        await WaitForLoginAsync(imei, expected: 0x00);
    }

    /// <summary>GT06 login 0x01: IMEI as 8 BCD bytes behind a zero nibble, serial 1, CRC-ITU over length..serial.</summary>
    private static byte[] Gt06Login(string imei)
    {
        var body = Hex("0D01" + "0" + imei + "0001");
        var crc = Crc16Itu.Compute(body);
        return [0x78, 0x78, .. body, (byte)(crc >> 8), (byte)crc, 0x0D, 0x0A];
    }

    private async Task WaitForLoginAsync(string imei, byte expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        byte? answer = null;
        while (answer != expected && DateTime.UtcNow < deadline)
        {
            using var device = await DeviceSocket.ConnectAsync(fixture.Host.Ports["Teltonika"]);
            await device.SendAsync(TeltonikaPacketBuilder.Login(imei));
            answer = (await device.ReceiveAsync(1))?[0];
            if (answer != expected)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        Assert.Equal(expected, answer);
    }
}
