using StackExchange.Redis;

namespace Fleet.Tests.Infrastructure;

/// <summary>The real test redis-server; each fixture uses its own key prefix so classes never see each other's keys.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public string KeyPrefix { get; } = TestServers.UniqueName("t") + ":";

    public async ValueTask InitializeAsync() =>
        Connection = await ConnectionMultiplexer.ConnectAsync($"{TestServers.Redis},abortConnect=false,connectTimeout=3000");

    public async ValueTask DisposeAsync()
    {
        var server = Connection.GetServers()[0];
        var db = Connection.GetDatabase();
        await foreach (var key in server.KeysAsync(pattern: KeyPrefix + "*"))
        {
            await db.KeyDeleteAsync(key);
        }

        await Connection.DisposeAsync();
    }
}
