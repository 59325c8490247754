using Fleet.Processing.Options;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Fleet.Processing.Sinks;

/// <summary><c>vehicle_snapshot</c>: one multi-row upsert per batch; the WHERE clause keeps older points from winning.</summary>
internal sealed class PostgresSnapshotStore(NpgsqlDataSource dataSource, IOptions<ProcessingOptions> options) : ISnapshotStore
{
    private const string Upsert = """
        INSERT INTO vehicle_snapshot (vehicle_id, device_id, company_id, device_time, server_time, lat, lon, speed, heading, ignition, fuel, status)
        SELECT * FROM unnest(@vehicle::text[], @device::text[], @company::text[], @time::timestamptz[], @server::timestamptz[],
          @lat::float8[], @lon::float8[], @speed::float8[], @heading::float8[], @ignition::bool[], @fuel::float8[], @status::text[])
        ON CONFLICT (vehicle_id) DO UPDATE SET device_id = EXCLUDED.device_id, company_id = EXCLUDED.company_id,
          device_time = EXCLUDED.device_time, server_time = EXCLUDED.server_time, lat = EXCLUDED.lat, lon = EXCLUDED.lon,
          speed = EXCLUDED.speed, heading = EXCLUDED.heading, ignition = EXCLUDED.ignition, fuel = EXCLUDED.fuel,
          status = EXCLUDED.status
        WHERE vehicle_snapshot.device_time < EXCLUDED.device_time
        """;

    public async Task UpsertAsync(IReadOnlyList<EnrichedPoint> latestPerVehicle, CancellationToken cancellationToken)
    {
        if (latestPerVehicle.Count == 0)
        {
            return;
        }

        // A fixed row order keeps concurrent instances from deadlocking on each other's rows.
        var rows = latestPerVehicle.OrderBy(p => p.Context!.Vehicle.Id, StringComparer.Ordinal).ToList();
        await using var command = dataSource.CreateCommand(Upsert);
        command.Parameters.AddWithValue("vehicle", rows.Select(p => p.Context!.Vehicle.Id).ToArray());
        command.Parameters.AddWithValue("device", rows.Select(p => p.Message.DeviceId).ToArray());
        command.Parameters.AddWithValue("company", rows.Select(p => p.Context!.Vehicle.CompanyId).ToArray());
        command.Parameters.AddWithValue("time", rows.Select(p => p.DeviceTime.UtcDateTime).ToArray());
        command.Parameters.AddWithValue("server", rows.Select(p => p.ServerTime.UtcDateTime).ToArray());
        command.Parameters.AddWithValue("lat", rows.Select(p => p.Message.Lat).ToArray());
        command.Parameters.AddWithValue("lon", rows.Select(p => p.Message.Lon).ToArray());
        command.Parameters.AddWithValue("speed", rows.Select(p => p.Message.HasSpeedKmh ? p.Message.SpeedKmh : (double?)null).ToArray());
        command.Parameters.AddWithValue("heading", rows.Select(p => p.Message.HasHeading ? p.Message.Heading : (double?)null).ToArray());
        command.Parameters.AddWithValue("ignition", rows.Select(p => p.Message.HasIgnition ? p.Message.Ignition : (bool?)null).ToArray());
        command.Parameters.AddWithValue("fuel", rows.Select(p => p.Message.HasFuelL ? p.Message.FuelL : (double?)null).ToArray());
        command.Parameters.AddWithValue("status", rows.Select(p => p.Status(options.Value.MovingSpeedKmh)).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkOfflineAsync(string vehicleId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE vehicle_snapshot SET status = 'offline' WHERE vehicle_id = @vehicle");
        command.Parameters.AddWithValue("vehicle", vehicleId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
