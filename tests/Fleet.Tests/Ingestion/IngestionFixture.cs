using System.Text.Json;
using Fleet.Ingestion.Devices;
using Fleet.Tests.Infrastructure;
using StackExchange.Redis;

namespace Fleet.Tests.Ingestion;

/// <summary>
/// One Ingestion host per test class on its own mock Kafka cluster and Redis key prefix, with the devices the tests
/// use registered in <c>devices</c> before start (as Processing would have written them).
/// </summary>
public sealed class IngestionFixture : IAsyncLifetime
{
    public const string TeltonikaImei = "123456789012345";
    public const string TeltonikaZeroImei = "356307042441013";
    public const string TeltonikaUdpImei = "352093086403655";
    public const string DisabledImei = "111111111111111";
    public const string UnknownImei = "999999999999999";
    public const string Gt06Imei = "358511020279075";
    public const string H02Id = "4210051415";
    public const string WialonId = "wialon-1";
    public const string OsmAndId = "osm-1";
    public const string JsonDevice = "veh-0001";
    public const string JsonToken = "token-veh-0001";
    public const string JsonDisabled = "veh-disabled";

    public KafkaFixture Kafka { get; } = new();

    public RedisFixture Redis { get; } = new();

    public IngestionHost Host { get; private set; } = null!;

    public string KeyPrefix => Redis.KeyPrefix + "fleet:";

    public async ValueTask InitializeAsync()
    {
        await Redis.InitializeAsync();
        foreach (var id in new[] { TeltonikaImei, TeltonikaZeroImei, TeltonikaUdpImei, Gt06Imei, H02Id, WialonId, OsmAndId })
        {
            await RegisterAsync(id, enabled: true, token: null);
        }

        await RegisterAsync(DisabledImei, enabled: false, token: null);
        await RegisterAsync(JsonDevice, enabled: true, token: JsonToken);
        await RegisterAsync(JsonDisabled, enabled: false, token: JsonToken);
        Host = await IngestionHost.StartAsync(Kafka.BootstrapServers, KeyPrefix, new Dictionary<string, string?>
        {
            ["Ingestion:MaxBodyBytes"] = "65536",
        });
    }

    /// <summary>Writes the trust entry and announces it, as Processing does on <c>device.updated</c>.</summary>
    public async Task RegisterAsync(string deviceId, bool enabled, string? token)
    {
        var entry = new DeviceEntry(enabled, token is null ? null : DeviceTokenHash.Compute(token), 1);
        var db = Redis.Connection.GetDatabase();
        await db.HashSetAsync(KeyPrefix + "devices", deviceId, JsonSerializer.Serialize(entry, JsonSerializerOptions.Web));
        await Redis.Connection.GetSubscriber().PublishAsync(RedisChannel.Literal(KeyPrefix + "devices:changes"), deviceId);
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await Redis.DisposeAsync();
        Kafka.Dispose();
    }
}
