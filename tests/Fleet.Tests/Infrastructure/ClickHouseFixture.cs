using ClickHouse.Driver;
using Fleet.ServiceDefaults.ClickHouse;

namespace Fleet.Tests.Infrastructure;

/// <summary>A fresh database on the real test ClickHouse (Debian's 18.16 in CI) for one test class.</summary>
public sealed class ClickHouseFixture : IAsyncLifetime
{
    public string Database { get; } = TestServers.UniqueName("fleet_test");

    public string ConnectionString { get; private set; } = "";

    public ClickHouseClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        using (var admin = FleetClickHouse.CreateClient(TestServers.ClickHouse))
        {
            await admin.ExecuteAsync($"CREATE DATABASE IF NOT EXISTS {Database}");
        }

        ConnectionString = $"{TestServers.ClickHouse};Database={Database}";
        Client = FleetClickHouse.CreateClient(ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.ExecuteAsync($"DROP DATABASE IF EXISTS {Database}");
        Client.Dispose();
    }
}
