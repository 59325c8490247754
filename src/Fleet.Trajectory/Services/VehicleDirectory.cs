using Npgsql;
using NpgsqlTypes;

namespace Fleet.Trajectory.Services;

/// <summary>
/// Vehicles, owners and company time zones from Processing's PostgreSQL read model (docs/postgres-read-model.md).
/// A company without a known time zone reports in UTC.
/// </summary>
public sealed class VehicleDirectory(NpgsqlDataSource dataSource)
{
    private const string Select =
        "SELECT v.id, v.company_id, v.group_ids, COALESCE(NULLIF(c.timezone, ''), 'UTC') " +
        "FROM ref_vehicles v LEFT JOIN ref_companies c ON c.id = v.company_id ";

    public async Task<VehicleInfo?> FindAsync(string vehicleId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Select + "WHERE v.id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = vehicleId });
        var found = await ReadAsync(command, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Vehicles of <paramref name="companies"/> (null = every company) in any of <paramref name="groups"/> (empty = any).</summary>
    public async Task<IReadOnlyList<VehicleInfo>> ListAsync(
        IReadOnlyCollection<string>? companies, IReadOnlyCollection<string> groups, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Select +
            "WHERE ($1::text[] IS NULL OR v.company_id = ANY($1)) AND (cardinality($2::text[]) = 0 OR v.group_ids && $2) ORDER BY v.id");
        command.Parameters.Add(new NpgsqlParameter { Value = companies is null ? DBNull.Value : companies.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. groups], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return await ReadAsync(command, cancellationToken);
    }

    private static async Task<List<VehicleInfo>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var vehicles = new List<VehicleInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            vehicles.Add(new VehicleInfo(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<string[]>(2), reader.GetString(3)));
        }

        return vehicles;
    }
}
