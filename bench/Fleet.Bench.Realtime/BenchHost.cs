using System.Net;
using Fleet.Realtime.Hubs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Fleet.Bench.Realtime;

/// <summary>The real Realtime service on Kestrel (127.0.0.1:0), configured for the benchmark run.</summary>
internal sealed class BenchHost : WebApplicationFactory<MapHub>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public BenchHost(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        // WebApplicationFactory looks for the service's folder through this variable outside a test project.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Fleet.sln")))
        {
            root = root.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_FLEET_REALTIME",
            Path.Combine(root?.FullName ?? ".", "src", "Fleet.Realtime"));
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
