using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Fleet.Realtime.State;

/// <summary>
/// The Redis connections a snapshot reads <c>fleet:state</c> over: the service's own multiplexer plus
/// <c>Realtime:SnapshotReadConnections</c> − 1 more. A multiplexer parses its replies on one reader loop, so ~3 MB of
/// state values for 10k vehicles is parsed by one thread; HMGET chunks spread over several connections are parsed on
/// several while Redis serves them back to back. The extra ones connect on first use.
/// </summary>
public sealed class SnapshotConnections : IAsyncDisposable
{
    private readonly IConnectionMultiplexer _main;
    private readonly Lazy<Task<IConnectionMultiplexer>>[] _extra;

    public SnapshotConnections(IConnectionMultiplexer main, string connectionString, IOptions<RealtimeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _main = main;
        var count = Math.Clamp(options.Value.SnapshotReadConnections, 1, 16);
        _extra = Enumerable.Range(1, count - 1).Select(_ => new Lazy<Task<IConnectionMultiplexer>>(() => ConnectAsync(connectionString))).ToArray();
    }

    public int Count => _extra.Length + 1;

    /// <summary>The database of connection <paramref name="index"/> (0 = the service's own multiplexer).</summary>
    public async ValueTask<IDatabase> GetDatabaseAsync(int index) =>
        index % Count == 0 ? _main.GetDatabase() : (await _extra[(index % Count) - 1].Value).GetDatabase();

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _extra.Where(c => c.IsValueCreated))
        {
            await (await connection.Value).DisposeAsync();
        }
    }

    private static async Task<IConnectionMultiplexer> ConnectAsync(string connectionString)
    {
        var configuration = ConfigurationOptions.Parse(connectionString);
        configuration.AbortOnConnectFail = false; // like the main one: a Redis restart must not break the service
        configuration.ClientName ??= "fleet-realtime-snapshot";
        return await ConnectionMultiplexer.ConnectAsync(configuration);
    }
}
