using Npgsql;

namespace Fleet.History.Postgres;

/// <summary>Maps one row of <see cref="PostgresHistorySchema.Columns"/> back to a record.</summary>
internal static class PostgresHistoryRow
{
    public static HistoryRecord Read(NpgsqlDataReader reader) => new()
    {
        VehicleId = reader.GetString(0),
        DeviceId = reader.GetString(1),
        CompanyId = reader.GetString(2),
        DeviceTime = new DateTimeOffset(reader.GetFieldValue<DateTime>(3), TimeSpan.Zero),
        ServerTime = new DateTimeOffset(reader.GetFieldValue<DateTime>(4), TimeSpan.Zero),
        Lat = reader.GetDouble(5),
        Lon = reader.GetDouble(6),
        Valid = reader.GetBoolean(7),
        Speed = Nullable<double>(reader, 8),
        Heading = Nullable<double>(reader, 9),
        Altitude = Nullable<double>(reader, 10),
        Satellites = Nullable<int>(reader, 11),
        Hdop = Nullable<double>(reader, 12),
        Ignition = Nullable<bool>(reader, 13),
        Fuel = Nullable<double>(reader, 14),
        Odometer = Nullable<double>(reader, 15),
        Alarm = reader.GetString(16),
        AttributesJson = reader.GetString(17),
    };

    private static T? Nullable<T>(NpgsqlDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
}
