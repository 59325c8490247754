using Fleet.Trajectory;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Fleet.Tests.Trajectory.Apis;

/// <summary>Fleet.Trajectory in-process on the given settings (real PostgreSQL and ClickHouse behind them).</summary>
public sealed class TrajectoryFactory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<TrajectoryApiMarker>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
