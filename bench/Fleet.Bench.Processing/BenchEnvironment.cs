using ClickHouse.Driver;
using Fleet.ServiceDefaults.ClickHouse;
using Npgsql;
using StackExchange.Redis;

namespace Fleet.Bench.Processing;

/// <summary>The test servers (same defaults as ./fleet test) with a fresh PostgreSQL and ClickHouse database per run.</summary>
internal static class BenchEnvironment
{
    public static string Redis => Env("FLEET_TEST_REDIS", "127.0.0.1:16379");

    public static string Postgres => Env("FLEET_TEST_POSTGRES", "Host=127.0.0.1;Port=15432;Username=postgres;Password=fleet-test");

    public static string ClickHouse => Env("FLEET_TEST_CLICKHOUSE", "Host=127.0.0.1;Port=18123;Username=default");

    public static async Task<(string Postgres, string ClickHouse)> CreateDatabasesAsync(string name)
    {
        await using (var admin = new NpgsqlConnection(Postgres + ";Database=postgres"))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        using (ClickHouseClient client = FleetClickHouse.CreateClient(ClickHouse))
        {
            await client.ExecuteAsync($"CREATE DATABASE IF NOT EXISTS {name}");
        }

        return ($"{Postgres};Database={name}", $"{ClickHouse};Database={name}");
    }

    public static async Task DropDatabasesAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(Postgres + ";Database=postgres"))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        using ClickHouseClient client = FleetClickHouse.CreateClient(ClickHouse);
        await client.ExecuteAsync($"DROP DATABASE IF EXISTS {name}");
    }

    /// <summary>Deletes the run's Redis keys (everything under its prefix) from the shared test Redis.</summary>
    public static async Task DropRedisKeysAsync(string prefix)
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(Redis);
        var server = redis.GetServers()[0];
        var keys = new List<RedisKey>();
        await foreach (var key in server.KeysAsync(pattern: prefix + "*", pageSize: 1000))
        {
            keys.Add(key);
        }

        foreach (var chunk in keys.Chunk(1000))
        {
            await redis.GetDatabase().KeyDeleteAsync(chunk);
        }
    }

    private static string Env(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
}
