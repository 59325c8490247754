using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Fleet.Contracts;
using Fleet.Contracts.Events;
using Fleet.Contracts.Telemetry;
using Google.Protobuf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Fleet.Tests.Processing;

/// <summary>Produces what the owning services and Ingestion produce: reference events and telemetry.raw points.</summary>
internal sealed class FleetFeed : IDisposable
{
    public const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private readonly IProducer<string, byte[]> _producer;

    public FleetFeed(string bootstrapServers)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:kafka"] = bootstrapServers, ["Kafka:Producer:linger.ms"] = "1" })
            .Build();
        _producer = new ProducerBuilder<string, byte[]>(KafkaExtensions.CreateProducerConfig(configuration)).Build();
    }

    // Whole seconds, an hour ago: inside every store's accepted range and exactly representable in each.
    public static DateTimeOffset BaseTime { get; } = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds());

    public Task Company(CompanyUpdated company) => Send(Topics.CompanyUpdated, company.Id, JsonSerializer.SerializeToUtf8Bytes(company, FleetJsonContext.Default.CompanyUpdated));

    public Task Driver(DriverUpdated driver) => Send(Topics.DriverUpdated, driver.Id, JsonSerializer.SerializeToUtf8Bytes(driver, FleetJsonContext.Default.DriverUpdated));

    public Task Vehicle(VehicleUpdated vehicle) => Send(Topics.VehicleUpdated, vehicle.Id, JsonSerializer.SerializeToUtf8Bytes(vehicle, FleetJsonContext.Default.VehicleUpdated));

    public Task Device(DeviceUpdated device) => Send(Topics.DeviceUpdated, device.Id, JsonSerializer.SerializeToUtf8Bytes(device, FleetJsonContext.Default.DeviceUpdated));

    public Task Tombstone(string topic, string id) => Send(topic, id, null);

    public Task Raw(string topic, string key, string value) => Send(topic, key, Encoding.UTF8.GetBytes(value));

    public static TelemetryMessage Point(string deviceId, int second, double speed = 40, DateTimeOffset? serverTime = null) => new()
    {
        DeviceId = deviceId,
        DeviceTimeMs = BaseTime.AddSeconds(second).ToUnixTimeMilliseconds(),
        ServerTimeMs = (serverTime ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds(),
        Lat = 55.75 + second * 0.0001,
        Lon = 37.61 + second * 0.0001,
        Valid = true,
        SpeedKmh = speed,
        Heading = 90,
        Ignition = true,
        FuelL = 30,
        Protocol = "fleetjson",
    };

    public Task Telemetry(TelemetryMessage message) => Send(Topics.TelemetryRaw, message.DeviceId, message.ToByteArray(),
        new Headers { { "traceparent", Encoding.ASCII.GetBytes(TraceParent) } });

    public async Task Telemetry(IEnumerable<TelemetryMessage> messages)
    {
        foreach (var message in messages)
        {
            await Telemetry(message);
        }
    }

    private async Task Send(string topic, string key, byte[]? value, Headers? headers = null)
    {
        // Reference events all go to partition 0, so a later marker event proves every earlier one was handled.
        var target = topic == Topics.TelemetryRaw ? new TopicPartition(topic, Partition.Any) : new TopicPartition(topic, 0);
        var result = await _producer.ProduceAsync(target, new Message<string, byte[]> { Key = key, Value = value!, Headers = headers },
            TestContext.Current.CancellationToken);
        Assert.Equal(PersistenceStatus.Persisted, result.Status);
    }

    public void Dispose() => _producer.Dispose();
}
