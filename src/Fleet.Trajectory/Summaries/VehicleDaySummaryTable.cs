using Fleet.Trajectory.Analysis;
using Fleet.Trajectory.Services;
using Npgsql;
using NpgsqlTypes;

namespace Fleet.Trajectory.Summaries;

/// <summary>
/// <c>vehicle_day_summary</c> in Trajectory's PostgreSQL (the database it reads the reference read model from). Owned by
/// Trajectory: created here, idempotently, and only ever a cache — dropping it costs one recompute per vehicle-day.
/// </summary>
public sealed class VehicleDaySummaryTable(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "vehicle_id, local_date, time_zone, has_summary, distance_km, engine_hours, max_speed, avg_speed, fuel_used, " +
        "fingerprint_count, fingerprint_max_server_time, computed_at";

    private const string CreateSql = """
        CREATE TABLE IF NOT EXISTS vehicle_day_summary (
          vehicle_id text NOT NULL, local_date date NOT NULL, time_zone text NOT NULL,
          has_summary boolean NOT NULL,
          distance_km double precision NOT NULL, engine_hours double precision NOT NULL, max_speed double precision NOT NULL,
          avg_speed double precision NOT NULL, fuel_used double precision NOT NULL,
          fingerprint_count bigint NOT NULL, fingerprint_max_server_time timestamptz NOT NULL,
          computed_at timestamptz NOT NULL,
          PRIMARY KEY (vehicle_id, local_date, time_zone))
        """;

    private volatile bool _created;

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await CacheTableDdl.CreateAsync(dataSource, 7460219853124, CreateSql, cancellationToken);
        _created = true;
    }

    /// <summary>Stored days of <paramref name="vehicleIds"/> in <paramref name="timeZone"/> with first ≤ local date &lt; end.</summary>
    public async Task<Dictionary<(string VehicleId, DateOnly Day), StoredDaySummary>> ReadAsync(
        IReadOnlyCollection<string> vehicleIds, string timeZone, DateOnly first, DateOnly end, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vehicleIds);
        await EnsureCreatedAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM vehicle_day_summary WHERE vehicle_id = ANY($1) AND time_zone = $2 AND local_date >= $3 AND local_date < $4");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. vehicleIds], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = timeZone, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = first, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = end, NpgsqlDbType = NpgsqlDbType.Date });
        var rows = new Dictionary<(string, DateOnly), StoredDaySummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var day = reader.GetFieldValue<DateOnly>(1);
            var summary = reader.GetBoolean(3)
                ? new DailySummary(day, reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8))
                : null;
            var serverTime = new DateTimeOffset(reader.GetFieldValue<DateTime>(10), TimeSpan.Zero).ToUnixTimeMilliseconds();
            var row = new StoredDaySummary(reader.GetString(0), day, reader.GetString(2), summary, reader.GetInt64(9), serverTime);
            rows[(row.VehicleId, day)] = row;
        }

        return rows;
    }

    /// <summary>Inserts or replaces the rows (one statement, arrays unnested on the server).</summary>
    public async Task UpsertAsync(IReadOnlyList<StoredDaySummary> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        await EnsureCreatedAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO vehicle_day_summary ({Columns}) " +
            "SELECT *, now() FROM unnest($1::text[], $2::date[], $3::text[], $4::boolean[], $5::float8[], $6::float8[], $7::float8[], " +
            "$8::float8[], $9::float8[], $10::bigint[], $11::timestamptz[]) " +
            "ON CONFLICT (vehicle_id, local_date, time_zone) DO UPDATE SET has_summary = EXCLUDED.has_summary, " +
            "distance_km = EXCLUDED.distance_km, engine_hours = EXCLUDED.engine_hours, max_speed = EXCLUDED.max_speed, " +
            "avg_speed = EXCLUDED.avg_speed, fuel_used = EXCLUDED.fuel_used, fingerprint_count = EXCLUDED.fingerprint_count, " +
            "fingerprint_max_server_time = EXCLUDED.fingerprint_max_server_time, computed_at = EXCLUDED.computed_at");
        Add(command, rows.Select(r => r.VehicleId).ToArray(), NpgsqlDbType.Text);
        Add(command, rows.Select(r => r.LocalDate).ToArray(), NpgsqlDbType.Date);
        Add(command, rows.Select(r => r.TimeZone).ToArray(), NpgsqlDbType.Text);
        Add(command, rows.Select(r => r.Summary is not null).ToArray(), NpgsqlDbType.Boolean);
        Add(command, rows.Select(r => r.Summary?.DistanceKm ?? 0).ToArray(), NpgsqlDbType.Double);
        Add(command, rows.Select(r => r.Summary?.EngineHours ?? 0).ToArray(), NpgsqlDbType.Double);
        Add(command, rows.Select(r => r.Summary?.MaxSpeed ?? 0).ToArray(), NpgsqlDbType.Double);
        Add(command, rows.Select(r => r.Summary?.AvgSpeed ?? 0).ToArray(), NpgsqlDbType.Double);
        Add(command, rows.Select(r => r.Summary?.FuelUsedLitres ?? 0).ToArray(), NpgsqlDbType.Double);
        Add(command, rows.Select(r => r.FingerprintCount).ToArray(), NpgsqlDbType.Bigint);
        Add(command, rows.Select(r => DateTimeOffset.FromUnixTimeMilliseconds(r.FingerprintMaxServerTimeMs).UtcDateTime).ToArray(), NpgsqlDbType.TimestampTz);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add<T>(NpgsqlCommand command, T[] values, NpgsqlDbType type) =>
        command.Parameters.Add(new NpgsqlParameter<T[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | type });
}
