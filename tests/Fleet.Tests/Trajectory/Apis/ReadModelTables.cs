using Npgsql;

namespace Fleet.Tests.Trajectory.Apis;

/// <summary>
/// The PostgreSQL read model as Processing creates it (docs/postgres-read-model.md), with small helpers to put
/// companies and vehicles in it.
/// </summary>
public static class ReadModelTables
{
    /// <summary>Creates the tables with Processing's own migration, so the test schema can never drift from production's.</summary>
    public static Task CreateAsync(NpgsqlDataSource dataSource, CancellationToken ct) =>
        Fleet.Processing.ReadModel.ReadModelSchema.CreateAsync(dataSource, ct);

    public static async Task AddCompanyAsync(NpgsqlDataSource dataSource, string id, string? timezone, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("INSERT INTO ref_companies (id, version, name, timezone) VALUES ($1, 1, $1, $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)timezone ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task AddVehicleAsync(NpgsqlDataSource dataSource, string id, string companyId, string deviceId, string[] groupIds, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO ref_vehicles (id, version, company_id, device_id, plate, name, group_ids) VALUES ($1, 1, $2, $3, $1, $1, $4)");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = companyId });
        command.Parameters.Add(new NpgsqlParameter { Value = deviceId });
        command.Parameters.Add(new NpgsqlParameter { Value = groupIds });
        await command.ExecuteNonQueryAsync(ct);
    }
}
