using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Fleet.Ingestion.Extensions;
using Fleet.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fleet.Tests.Ingestion;

/// <summary>
/// The real Ingestion service (same registration as Program.cs) on Kestrel with real sockets on 127.0.0.1 and
/// free ports, against the mock Kafka broker and the test Redis.
/// </summary>
public sealed class IngestionHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private IngestionHost(WebApplication app, Dictionary<string, int> ports)
    {
        _app = app;
        Ports = ports;
    }

    public IReadOnlyDictionary<string, int> Ports { get; }

    public IServiceProvider Services => _app.Services;

    public Uri HttpBase => new($"http://127.0.0.1:{Ports["Http"]}");

    public Uri OsmAndBase => new($"http://127.0.0.1:{Ports["OsmAnd"]}");

    public IMeterFactory MeterFactory => _app.Services.GetRequiredService<IMeterFactory>();

    /// <summary>Starts a host; <paramref name="keyPrefix"/> isolates its Redis keys (RedisFixture.KeyPrefix).</summary>
    public static async Task<IngestionHost> StartAsync(string kafkaBootstrap, string keyPrefix, IDictionary<string, string?>? extra = null)
    {
        var ports = new Dictionary<string, int>();
        foreach (var name in new[] { "Http", "Teltonika", "Gt06", "H02", "Wialon", "OsmAnd", "Mqtt" })
        {
            ports[name] = FreeTcpPort();
        }

        ports["TeltonikaUdp"] = FreeUdpPort();
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{ports["Http"]}",
            ["ConnectionStrings:kafka"] = kafkaBootstrap,
            ["ConnectionStrings:redis"] = $"{TestServers.Redis},abortConnect=false",
            ["Ingestion:Devices:KeyPrefix"] = keyPrefix,
            // Captured packets date from 2013-2019.
            ["Ingestion:Validation:MaxPointAge"] = "6000.00:00:00",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (name, port) in ports.Where(p => p.Key != "Http"))
        {
            settings[$"Ingestion:Ports:{name}"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();
        builder.AddApplicationServices();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapIngestionApis();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new IngestionHost(app, ports);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
