using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Fleet.Tests.Infrastructure;
using Fleet.Tests.Protocols.Teltonika;

namespace Fleet.Tests.Ingestion;

/// <summary>
/// Kafka cannot take data (the producer points at a closed port): nothing may be acknowledged. Binary protocols get no
/// ACK (and the connection closes so the device resends), HTTP answers 503 with Retry-After.
/// </summary>
public sealed class KafkaUnavailableTests : IAsyncLifetime
{
    private readonly RedisFixture _redis = new();
    private IngestionHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _redis.InitializeAsync();
        _host = await IngestionHost.StartAsync($"127.0.0.1:{ClosedPort()}", _redis.KeyPrefix + "fleet:", new Dictionary<string, string?>
        {
            ["Ingestion:UnknownDevices"] = "Accept",
            ["Kafka:Producer:message.timeout.ms"] = "1500",
            ["Ingestion:Publish:RetryAfter"] = "00:00:07",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Teltonika_KafkaDown_LoginAnsweredButPacketNeverAcknowledged()
    {
        using var device = await DeviceSocket.ConnectAsync(_host.Ports["Teltonika"]);
        await device.SendAsync(Convert.FromHexString(TeltonikaSamples.TraccarLogin));
        Assert.Equal([0x01], await device.ReceiveAsync(1));

        await device.SendAsync(Convert.FromHexString(TeltonikaSamples.TraccarCodec8Vienna));

        Assert.True(await device.ClosedWithoutReplyAsync());
    }

    [Fact]
    public async Task Wialon_KafkaDown_DataNeverAcknowledged()
    {
        using var device = await DeviceSocket.ConnectAsync(_host.Ports["Wialon"]);
        await device.SendAsync(Encoding.ASCII.GetBytes("#L#wialon-down;x\r\n"));
        Assert.Equal("#AL#1\r\n", await device.ReceiveLineAsync());

        await device.SendAsync(Encoding.ASCII.GetBytes("#SD#270413;205601;5544.6025;N;03739.6834;E;1;2;3;4\r\n"));

        Assert.Null(await device.ReceiveLineAsync());
    }

    [Fact]
    public async Task FleetJson_KafkaDown_503WithRetryAfterProblem()
    {
        using var http = new HttpClient { BaseAddress = _host.HttpBase };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/telemetry")
        {
            Content = new StringContent($$"""{"deviceId":"veh-down","timestamp":"{{DateTimeOffset.UtcNow:O}}","lat":1.5,"lon":2.5}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "any");

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OsmAnd_KafkaDown_503WithRetryAfter()
    {
        using var http = new HttpClient { BaseAddress = _host.OsmAndBase };

        using var response = await http.GetAsync($"/?id=osm-down&timestamp={DateTimeOffset.UtcNow.ToUnixTimeSeconds()}&lat=1.5&lon=2.5", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Mqtt_KafkaDown_NoPuback()
    {
        using var client = new MQTTnet.MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(MqttIngestionTests.Options(_host.Ports["Mqtt"], "mqtt-down", "any", MQTTnet.Formatter.MqttProtocolVersion.V311), Ct);
        var json = $$"""{"timestamp":{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}},"lat":1.5,"lon":2.5}""";

        await Assert.ThrowsAnyAsync<Exception>(() => client.PublishAsync(MqttIngestionTests.Telemetry("mqtt-down", json), Ct));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
