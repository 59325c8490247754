using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using static Fleet.Tests.Ingestion.IngestionFixture;

namespace Fleet.Tests.Ingestion;

/// <summary>The MQTT broker inside Ingestion: credentials checked at CONNECT, PUBACK (QoS 1) only once Kafka has the point.</summary>
public sealed class MqttIngestionTests(IngestionFixture fixture) : IClassFixture<IngestionFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<MqttProtocolVersion> Versions => [MqttProtocolVersion.V311, MqttProtocolVersion.V500];

    public static MqttClientOptions Options(int port, string user, string password, MqttProtocolVersion version) =>
        new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithCredentials(user, password)
            .WithProtocolVersion(version)
            .WithTimeout(TimeSpan.FromSeconds(20))
            .Build();

    public static MqttApplicationMessage Telemetry(string deviceId, string json) => new MqttApplicationMessageBuilder()
        .WithTopic($"fleet/{deviceId}/telemetry")
        .WithPayload(Encoding.UTF8.GetBytes(json))
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Publish_QoS1_PubackOnlyOnceKafkaHasThePoint(MqttProtocolVersion version)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(Options(fixture.Host.Ports["Mqtt"], JsonDevice, JsonToken, version), Ct);
        var before = TelemetryRawReader.HighWatermarks(fixture.Kafka.BootstrapServers);
        var time = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        // No deviceId in the body: the topic names the device.
        var result = await client.PublishAsync(Telemetry(JsonDevice, $$"""{"timestamp":{{time}},"lat":55.75,"lon":37.61,"speed":12}"""), Ct);

        Assert.True(result.IsSuccess, result.ReasonCode.ToString());
        Assert.Equal(before + 1, TelemetryRawReader.HighWatermarks(fixture.Kafka.BootstrapServers));
        var messages = TelemetryRawReader.WaitFor(fixture.Kafka.BootstrapServers, JsonDevice, (int)(before + 1));
        var message = Assert.Single(messages, m => m.DeviceTimeMs == time);
        Assert.Equal("mqtt", message.Protocol);
        Assert.Equal(55.75, message.Lat);
        Assert.Equal(12, message.SpeedKmh);
        await client.DisconnectAsync(cancellationToken: Ct);
    }

    [Fact]
    public async Task Connect_WrongPassword_Refused()
    {
        using var client = new MqttClientFactory().CreateMqttClient();

        // The same device connects with its token (the other tests); with another password CONNACK refuses it.
        var result = await client.ConnectAsync(Options(fixture.Host.Ports["Mqtt"], JsonDevice, "wrong", MqttProtocolVersion.V311), Ct);

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result.ResultCode);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Publish_OtherDevicesTopic_NoPubackConnectionClosed()
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(Options(fixture.Host.Ports["Mqtt"], JsonDevice, JsonToken, MqttProtocolVersion.V311), Ct);

        await Assert.ThrowsAnyAsync<Exception>(() =>
            client.PublishAsync(Telemetry("someone-else", """{"lat":1.5,"lon":2.5,"timestamp":0}"""), Ct));
    }
}
