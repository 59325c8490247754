using System.Globalization;
using Fleet.History;
using Fleet.History.ClickHouse;
using Fleet.History.Postgres;
using Fleet.ServiceDefaults.ClickHouse;
using Npgsql;

namespace Fleet.Bench.Trajectory;

/// <summary>One store under test in its own scratch database, with the size of what it holds.</summary>
internal sealed class BenchTarget(string name, IHistoryStore store, Func<Task<string>> size, Func<Task> drop) : IDisposable
{
    /// <summary>Rows already stored (a kept database is reused instead of reloaded).</summary>
    public async Task<long> RowCountAsync()
    {
        var text = await size();
        return long.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>A faster loader than <see cref="IHistoryStore.WriteAsync"/> when the bench has one for this store.</summary>
    public Func<IEnumerable<HistoryRecord>, Task>? BulkLoad { get; private init; }

    /// <summary>Time of the plain server query for a vehicle-day, as the same-run reference (null when not measured).</summary>
    public Func<string, DateTimeOffset, DateTimeOffset, Task>? RawRead { get; private init; }

    public string Name { get; } = name;

    public IHistoryStore Store { get; } = store;

    public Task<string> SizeAsync() => size();

    public Task DropAsync() => drop();

    public void Dispose() => (Store as IDisposable)?.Dispose();

    public static async Task<BenchTarget> ClickHouseAsync(string server, string database, bool keep)
    {
        using (var admin = FleetClickHouse.CreateClient(server))
        {
            if (!keep)
            {
                await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {database}");
            }

            await admin.ExecuteAsync($"CREATE DATABASE IF NOT EXISTS {database}");
        }

        var connection = $"{server};Database={database}";
        var raw = new ClickHouseRawQuery(connection);
        return new BenchTarget("ClickHouse", new ClickHouseHistoryStore(connection, new HistoryStoreOptions()),
            async () =>
            {
                using var client = FleetClickHouse.CreateClient(connection);
                var row = (await client.QueryTsvAsync(
                    "SELECT sum(rows), formatReadableSize(sum(bytes_on_disk)), formatReadableSize(sum(data_uncompressed_bytes)) " +
                    $"FROM system.parts WHERE active AND database = '{database}'"))[0];
                return $"{row[0]} rows, {row[1]} on disk ({row[2]} uncompressed)";
            },
            async () =>
            {
                using var client = FleetClickHouse.CreateClient(server);
                await client.ExecuteAsync($"DROP DATABASE IF EXISTS {database}");
            })
        {
            BulkLoad = async records =>
            {
                using var loader = new ClickHouseBulkLoader(connection, new HistoryStoreOptions().Table);
                foreach (var record in records)
                {
                    loader.Add(record);
                    if (loader.BufferedBytes > 64 << 20)
                    {
                        await loader.FlushAsync();
                    }
                }

                await loader.FlushAsync();
            },
            RawRead = raw.VehicleDayAsync,
        };
    }

    public static async Task<BenchTarget> PostgresAsync(string server, string database, bool keep)
    {
        if (!keep)
        {
            await AdminAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }

        try
        {
            await AdminAsync(server, $"CREATE DATABASE \"{database}\"");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // kept from an earlier run
        }

        var connection = $"{server};Database={database}";
        return new BenchTarget("PostgreSQL", new PostgresHistoryStore(connection, new HistoryStoreOptions()),
            async () =>
            {
                await using var data = NpgsqlDataSource.Create(connection);
                await using var command = data.CreateCommand(
                    "SELECT (SELECT count(*) FROM history_points), coalesce(pg_size_pretty(sum(pg_total_relation_size(inhrelid))), '0 bytes') " +
                    "FROM pg_inherits WHERE inhparent = 'history_points'::regclass");
                await using var reader = await command.ExecuteReaderAsync();
                await reader.ReadAsync();
                return $"{reader.GetInt64(0)} rows, {reader.GetString(1)} with indexes";
            },
            async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await AdminAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            });
    }

    private static async Task AdminAsync(string server, string sql)
    {
        await using var admin = new NpgsqlConnection(server + ";Database=postgres");
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
