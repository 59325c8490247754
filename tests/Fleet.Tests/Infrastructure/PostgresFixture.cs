using Npgsql;

namespace Fleet.Tests.Infrastructure;

/// <summary>A fresh database on the real test PostgreSQL for one test class, dropped afterwards.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public string Database { get; } = TestServers.UniqueName("fleet_test");

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(TestServers.Postgres + ";Database=postgres"))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = $"{TestServers.Postgres};Database={Database}";
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestServers.Postgres + ";Database=postgres");
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
