using System.Net;
using Fleet.Realtime.Hubs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Fleet.Realtime.Bench;

/// <summary>The real Realtime service on Kestrel (127.0.0.1:0), configured for the benchmark run.</summary>
internal sealed class BenchHost : WebApplicationFactory<MapHub>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public BenchHost(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        StartServer();
    }

    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
