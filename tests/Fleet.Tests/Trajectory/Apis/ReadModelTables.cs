using Npgsql;

namespace Fleet.Tests.Trajectory.Apis;

/// <summary>
/// The PostgreSQL read model exactly as docs/postgres-read-model.md defines it (Processing creates it in production),
/// with small helpers to put companies and vehicles in it.
/// </summary>
public static class ReadModelTables
{
    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS ref_companies (
          id text PRIMARY KEY, version bigint NOT NULL, name text NOT NULL, tariff text, timezone text,
          updated_at timestamptz NOT NULL DEFAULT now());
        CREATE TABLE IF NOT EXISTS ref_drivers (
          id text PRIMARY KEY, version bigint NOT NULL, company_id text NOT NULL, name text NOT NULL, phone text,
          updated_at timestamptz NOT NULL DEFAULT now());
        CREATE TABLE IF NOT EXISTS ref_vehicles (
          id text PRIMARY KEY, version bigint NOT NULL, company_id text NOT NULL, device_id text, plate text, name text,
          group_ids text[] NOT NULL DEFAULT '{}', driver_id text,
          updated_at timestamptz NOT NULL DEFAULT now());
        CREATE INDEX IF NOT EXISTS ref_vehicles_device ON ref_vehicles (device_id);
        CREATE INDEX IF NOT EXISTS ref_vehicles_company ON ref_vehicles (company_id);
        CREATE TABLE IF NOT EXISTS ref_devices (
          id text PRIMARY KEY, version bigint NOT NULL, enabled boolean NOT NULL, token_sha256 text, protocol text,
          updated_at timestamptz NOT NULL DEFAULT now());
        CREATE TABLE IF NOT EXISTS ref_tombstones (
          kind text NOT NULL, id text NOT NULL, version bigint NOT NULL, PRIMARY KEY (kind, id));
        CREATE TABLE IF NOT EXISTS vehicle_snapshot (
          vehicle_id text PRIMARY KEY, device_id text NOT NULL, company_id text NOT NULL,
          device_time timestamptz NOT NULL, server_time timestamptz NOT NULL,
          lat double precision NOT NULL, lon double precision NOT NULL, speed double precision, heading double precision,
          ignition boolean, fuel double precision, status text NOT NULL);
        """;

    public static async Task CreateAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(Ddl);
        await command.ExecuteNonQueryAsync(ct);
    }

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
