using Fleet.Contracts.Events;
using Npgsql;

namespace Fleet.Processing.ReadModel;

/// <summary>
/// Versioned upserts into the PostgreSQL read model: an event applies only when its version is above both the stored
/// row's and the remembered tombstone's, so replays and reordering are harmless.
/// </summary>
internal static class ReferenceRepository
{
    private const string NotTombstoned =
        "WHERE NOT EXISTS (SELECT 1 FROM ref_tombstones t WHERE t.kind = @kind AND t.id = @id AND t.version >= @version)";

    private const string UpsertCompany = $"""
        INSERT INTO ref_companies (id, version, name, tariff, timezone)
        SELECT @id, @version, @name, @tariff, @timezone {NotTombstoned}
        ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, name = EXCLUDED.name, tariff = EXCLUDED.tariff,
          timezone = EXCLUDED.timezone, updated_at = now()
        WHERE ref_companies.version < EXCLUDED.version
        """;

    private const string UpsertDriver = $"""
        INSERT INTO ref_drivers (id, version, company_id, name, phone)
        SELECT @id, @version, @company, @name, @phone {NotTombstoned}
        ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, company_id = EXCLUDED.company_id, name = EXCLUDED.name,
          phone = EXCLUDED.phone, updated_at = now()
        WHERE ref_drivers.version < EXCLUDED.version
        """;

    private const string UpsertVehicle = $"""
        INSERT INTO ref_vehicles (id, version, company_id, device_id, plate, name, group_ids, driver_id)
        SELECT @id, @version, @company, @device, @plate, @name, @groups, @driver {NotTombstoned}
        ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, company_id = EXCLUDED.company_id,
          device_id = EXCLUDED.device_id, plate = EXCLUDED.plate, name = EXCLUDED.name, group_ids = EXCLUDED.group_ids,
          driver_id = EXCLUDED.driver_id, updated_at = now()
        WHERE ref_vehicles.version < EXCLUDED.version
        """;

    private const string UpsertDevice = $"""
        INSERT INTO ref_devices (id, version, enabled, token_sha256, protocol)
        SELECT @id, @version, @enabled, @token, @protocol {NotTombstoned}
        ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, enabled = EXCLUDED.enabled,
          token_sha256 = EXCLUDED.token_sha256, protocol = EXCLUDED.protocol, updated_at = now()
        WHERE ref_devices.version < EXCLUDED.version
        """;

    /// <summary>Applies one event (null entity = tombstone). Returns whether anything changed.</summary>
    public static async Task<bool> ApplyAsync(NpgsqlConnection connection, ReferenceKind kind, string id, object? entity, CancellationToken cancellationToken)
    {
        await using var command = entity is null ? Tombstone(kind, id) : Upsert(kind, id, entity);
        command.Connection = connection;
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>
    /// Applies events in order in one round trip (one NpgsqlBatch, executed statement by statement, all or nothing):
    /// the same version rules as one at a time. Returns, per event, whether it changed anything.
    /// </summary>
    public static async Task<IReadOnlyList<bool>> ApplyAllAsync(NpgsqlConnection connection,
        IReadOnlyList<(ReferenceKind Kind, string Id, object? Entity)> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return [];
        }

        await using var batch = new NpgsqlBatch(connection);
        foreach (var (kind, id, entity) in events)
        {
            using var command = entity is null ? Tombstone(kind, id) : Upsert(kind, id, entity);
            var statement = new NpgsqlBatchCommand(command.CommandText);
            foreach (NpgsqlParameter parameter in command.Parameters)
            {
                statement.Parameters.Add(parameter.Clone());
            }

            batch.BatchCommands.Add(statement);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        var applied = new bool[batch.BatchCommands.Count];
        for (var i = 0; i < applied.Length; i++)
        {
            applied[i] = batch.BatchCommands[i].RecordsAffected > 0;
        }

        return applied;
    }

    /// <summary>The stored entities of one kind among <paramref name="ids"/> (absent ids: not stored).</summary>
    public static async Task<IReadOnlyList<object>> LoadManyAsync(NpgsqlConnection connection, ReferenceKind kind,
        IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : await ReadAsync(connection, kind, "WHERE id = ANY(@id)", ids.ToArray(), cancellationToken);

    private static NpgsqlCommand Tombstone(ReferenceKind kind, string id)
    {
        // The deleted row's version is remembered, so a late older event cannot resurrect the entity.
        var command = new NpgsqlCommand($"""
            WITH d AS (DELETE FROM {kind.Table()} WHERE id = @id RETURNING version)
            INSERT INTO ref_tombstones (kind, id, version) SELECT @kind, @id, version FROM d
            ON CONFLICT (kind, id) DO UPDATE SET version = GREATEST(ref_tombstones.version, EXCLUDED.version)
            """);
        command.Parameters.AddWithValue("kind", kind.Name());
        command.Parameters.AddWithValue("id", id);
        return command;
    }

    private static NpgsqlCommand Upsert(ReferenceKind kind, string id, object entity)
    {
        var command = new NpgsqlCommand();
        command.Parameters.AddWithValue("kind", kind.Name());
        command.Parameters.AddWithValue("id", id);
        switch (entity)
        {
            case CompanyUpdated c:
                command.CommandText = UpsertCompany;
                command.Parameters.AddWithValue("version", c.Version);
                command.Parameters.AddWithValue("name", c.Name);
                command.Parameters.AddWithValue("tariff", (object?)c.Tariff ?? DBNull.Value);
                command.Parameters.AddWithValue("timezone", (object?)c.Timezone ?? DBNull.Value);
                break;
            case DriverUpdated d:
                command.CommandText = UpsertDriver;
                command.Parameters.AddWithValue("version", d.Version);
                command.Parameters.AddWithValue("company", d.CompanyId);
                command.Parameters.AddWithValue("name", d.Name);
                command.Parameters.AddWithValue("phone", (object?)d.Phone ?? DBNull.Value);
                break;
            case VehicleUpdated v:
                command.CommandText = UpsertVehicle;
                command.Parameters.AddWithValue("version", v.Version);
                command.Parameters.AddWithValue("company", v.CompanyId);
                command.Parameters.AddWithValue("device", (object?)v.DeviceId ?? DBNull.Value);
                command.Parameters.AddWithValue("plate", (object?)v.Plate ?? DBNull.Value);
                command.Parameters.AddWithValue("name", (object?)v.Name ?? DBNull.Value);
                command.Parameters.AddWithValue("groups", (v.GroupIds ?? []).ToArray());
                command.Parameters.AddWithValue("driver", (object?)v.DriverId ?? DBNull.Value);
                break;
            case DeviceUpdated dev:
                command.CommandText = UpsertDevice;
                command.Parameters.AddWithValue("version", dev.Version);
                command.Parameters.AddWithValue("enabled", dev.Enabled);
                command.Parameters.AddWithValue("token", (object?)dev.TokenSha256 ?? DBNull.Value);
                command.Parameters.AddWithValue("protocol", (object?)dev.Protocol ?? DBNull.Value);
                break;
            default:
                command.Dispose();
                throw new ArgumentException($"unexpected entity {entity.GetType().Name} for {kind}", nameof(entity));
        }

        return command;
    }

    /// <summary>The stored entity, or null when absent (never created, or deleted).</summary>
    public static async Task<object?> LoadAsync(NpgsqlConnection connection, ReferenceKind kind, string id, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(connection, kind, "WHERE id = @id", id, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public static async Task<ReferenceSnapshot> LoadAllAsync(NpgsqlConnection connection, CancellationToken cancellationToken) => new(
        (await ReadAsync(connection, ReferenceKind.Company, "", null, cancellationToken)).Cast<CompanyUpdated>().ToList(),
        (await ReadAsync(connection, ReferenceKind.Driver, "", null, cancellationToken)).Cast<DriverUpdated>().ToList(),
        (await ReadAsync(connection, ReferenceKind.Vehicle, "", null, cancellationToken)).Cast<VehicleUpdated>().ToList(),
        (await ReadAsync(connection, ReferenceKind.Device, "", null, cancellationToken)).Cast<DeviceUpdated>().ToList());

    private static async Task<List<object>> ReadAsync(NpgsqlConnection connection, ReferenceKind kind, string where, object? id, CancellationToken cancellationToken)
    {
        var columns = kind switch
        {
            ReferenceKind.Company => "id, version, name, tariff, timezone",
            ReferenceKind.Driver => "id, version, company_id, name, phone",
            ReferenceKind.Vehicle => "id, version, company_id, device_id, plate, name, group_ids, driver_id",
            _ => "id, version, enabled, token_sha256, protocol",
        };
        await using var command = new NpgsqlCommand($"SELECT {columns} FROM {kind.Table()} {where} ORDER BY updated_at, id", connection);
        if (id is not null)
        {
            command.Parameters.AddWithValue("id", id);
        }

        var rows = new List<object>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            rows.Add(kind switch
            {
                ReferenceKind.Company => new CompanyUpdated(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), Text(3), Text(4)),
                ReferenceKind.Driver => new DriverUpdated(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), Text(4)),
                ReferenceKind.Vehicle => new VehicleUpdated(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), Text(3), Text(4),
                    Text(5), reader.GetFieldValue<string[]>(6), Text(7)),
                _ => new DeviceUpdated(reader.GetString(0), reader.GetInt64(1), reader.GetBoolean(2), Text(3), Text(4)),
            });
        }

        return rows;
    }
}
