using System.Net;
using Fleet.Realtime.Diagnostics;
using Fleet.Realtime.Hubs;
using Fleet.Realtime.Positions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Fleet.Tests.Realtime;

/// <summary>
/// One real Fleet.Realtime instance: Kestrel on 127.0.0.1:0 serving the built page, the real Redis (own key prefix)
/// and the mock Kafka cluster of the test class.
/// </summary>
public sealed class RealtimeHost : WebApplicationFactory<MapHub>
{
    private readonly Dictionary<string, string?> _settings;

    public RealtimeHost(string redisPrefix, string kafkaBootstrap, IReadOnlyDictionary<string, string?>? extra = null)
    {
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = Infrastructure.TestServers.Redis + ",abortConnect=false",
            ["ConnectionStrings:kafka"] = kafkaBootstrap,
            ["Realtime:KeyPrefix"] = redisPrefix,
            ["Realtime:ConsumerGroup"] = "realtime-" + redisPrefix.TrimEnd(':'),
            ["Realtime:TrajectoryUrl"] = "http://127.0.0.1:9/trajectory",
            ["Realtime:TileUrl"] = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png",
            ["Auth:DevSigningKeyHex"] = TestTokens.SigningKeyHex,
            ["Kafka:Consumer:auto.offset.reset"] = "earliest",
            ["Kafka:Consumer:session.timeout.ms"] = "6000",
            ["Kafka:Consumer:heartbeat.interval.ms"] = "500",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        StartServer();
    }

    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    public SubscriptionRegistry Registry => Services.GetRequiredService<SubscriptionRegistry>();

    public RealtimeMetrics Metrics => Services.GetRequiredService<RealtimeMetrics>();

    public PositionsConsumerWorker Consumer => Services.GetRequiredService<PositionsConsumerWorker>();

    public HttpClient CreateClient(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
