using Fleet.Trajectory.Services;
using Npgsql;
using NpgsqlTypes;

namespace Fleet.Trajectory.Routes;

/// <summary>
/// <c>vehicle_day_route</c> in Trajectory's PostgreSQL: encoded day pieces per vehicle, local day, zone, tolerance and
/// analysis version, each with the day fingerprint it was computed from. Only ever a cache: created here, idempotently;
/// dropping it costs one recompute per vehicle-day.
/// </summary>
internal sealed class VehicleDayRouteTable(NpgsqlDataSource dataSource)
{
    private const string CreateSql = """
        CREATE TABLE IF NOT EXISTS vehicle_day_route (
          vehicle_id text NOT NULL, time_zone text NOT NULL, tolerance_mm integer NOT NULL, analysis text NOT NULL,
          local_date date NOT NULL,
          fingerprint_count bigint NOT NULL, fingerprint_max_server_time bigint NOT NULL,
          piece bytea NOT NULL, computed_at timestamptz NOT NULL,
          PRIMARY KEY (vehicle_id, time_zone, tolerance_mm, analysis, local_date))
        """;

    private volatile bool _created;

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await CacheTableDdl.CreateAsync(dataSource, 7460219853125, CreateSql, cancellationToken);
        _created = true;
    }

    /// <summary>Stored pieces of one vehicle with first ≤ local date &lt; end.</summary>
    public async Task<Dictionary<DateOnly, StoredDayRoute>> ReadAsync(
        DayRouteKey key, DateOnly first, DateOnly end, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(
            "SELECT local_date, fingerprint_count, fingerprint_max_server_time, piece FROM vehicle_day_route " +
            "WHERE vehicle_id = $1 AND time_zone = $2 AND tolerance_mm = $3 AND analysis = $4 AND local_date >= $5 AND local_date < $6");
        AddKey(command, key);
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = first, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = end, NpgsqlDbType = NpgsqlDbType.Date });
        var rows = new Dictionary<DateOnly, StoredDayRoute>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new StoredDayRoute(
                reader.GetFieldValue<DateOnly>(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetFieldValue<byte[]>(3));
            rows[row.LocalDate] = row;
        }

        return rows;
    }

    /// <summary>The fingerprints pieces were stored with, for many vehicles (no piece bytes): what the pre-compute pass compares.</summary>
    public async Task<Dictionary<(string VehicleId, DateOnly Day), (long Count, long MaxServerTimeMs)>> ReadFingerprintsAsync(
        IReadOnlyCollection<string> vehicleIds, DayRouteKey zoneAndSettings, DateOnly first, DateOnly end, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vehicleIds);
        ArgumentNullException.ThrowIfNull(zoneAndSettings);
        await EnsureCreatedAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(
            "SELECT vehicle_id, local_date, fingerprint_count, fingerprint_max_server_time FROM vehicle_day_route " +
            "WHERE vehicle_id = ANY($1) AND time_zone = $2 AND tolerance_mm = $3 AND analysis = $4 AND local_date >= $5 AND local_date < $6");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. vehicleIds], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = zoneAndSettings.TimeZone, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = zoneAndSettings.ToleranceMillimetres, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = zoneAndSettings.Analysis, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = first, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = end, NpgsqlDbType = NpgsqlDbType.Date });
        var rows = new Dictionary<(string, DateOnly), (long, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows[(reader.GetString(0), reader.GetFieldValue<DateOnly>(1))] = (reader.GetInt64(2), reader.GetInt64(3));
        }

        return rows;
    }

    /// <summary>Inserts or replaces one vehicle's pieces (one statement, arrays unnested on the server).</summary>
    public async Task UpsertAsync(DayRouteKey key, IReadOnlyList<StoredDayRoute> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        await EnsureCreatedAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(
            "INSERT INTO vehicle_day_route (vehicle_id, time_zone, tolerance_mm, analysis, local_date, fingerprint_count, " +
            "fingerprint_max_server_time, piece, computed_at) " +
            "SELECT $1, $2, $3, $4, d, c, m, p, now() FROM unnest($5::date[], $6::bigint[], $7::bigint[], $8::bytea[]) AS r(d, c, m, p) " +
            "ON CONFLICT (vehicle_id, time_zone, tolerance_mm, analysis, local_date) DO UPDATE SET " +
            "fingerprint_count = EXCLUDED.fingerprint_count, fingerprint_max_server_time = EXCLUDED.fingerprint_max_server_time, " +
            "piece = EXCLUDED.piece, computed_at = EXCLUDED.computed_at");
        AddKey(command, key);
        Add(command, rows.Select(r => r.LocalDate).ToArray(), NpgsqlDbType.Date);
        Add(command, rows.Select(r => r.FingerprintCount).ToArray(), NpgsqlDbType.Bigint);
        Add(command, rows.Select(r => r.FingerprintMaxServerTimeMs).ToArray(), NpgsqlDbType.Bigint);
        Add(command, rows.Select(r => r.Piece).ToArray(), NpgsqlDbType.Bytea);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes the pieces of local days before <paramref name="firstKept"/>; returns how many.</summary>
    public async Task<int> DeleteBeforeAsync(DateOnly firstKept, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        await using var command = dataSource.CreateCommand("DELETE FROM vehicle_day_route WHERE local_date < $1");
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = firstKept, NpgsqlDbType = NpgsqlDbType.Date });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddKey(NpgsqlCommand command, DayRouteKey key)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.VehicleId, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.TimeZone, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = key.ToleranceMillimetres, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.Analysis, NpgsqlDbType = NpgsqlDbType.Text });
    }

    private static void Add<T>(NpgsqlCommand command, T[] values, NpgsqlDbType type) =>
        command.Parameters.Add(new NpgsqlParameter<T[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | type });
}
