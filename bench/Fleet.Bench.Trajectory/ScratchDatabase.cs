using Npgsql;

namespace Fleet.Bench.Trajectory;

/// <summary>A PostgreSQL scratch database of the bench, created when missing.</summary>
internal static class ScratchDatabase
{
    public static async Task<NpgsqlDataSource> OpenAsync(string postgres, string database)
    {
        await using (var admin = new NpgsqlConnection(postgres + ";Database=postgres"))
        {
            await admin.OpenAsync();
            await using var exists = new NpgsqlCommand($"SELECT count(*) FROM pg_database WHERE datname = '{database}'", admin);
            if ((long)(await exists.ExecuteScalarAsync())! == 0)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
                await create.ExecuteNonQueryAsync();
            }
        }

        return NpgsqlDataSource.Create($"{postgres};Database={database}");
    }
}
