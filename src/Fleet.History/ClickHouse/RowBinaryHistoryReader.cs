namespace Fleet.History.ClickHouse;

/// <summary>
/// Parses <c>FORMAT RowBinary</c> rows in the layout of <see cref="ClickHouseSchema.SelectList"/>.
/// </summary>
internal static class RowBinaryHistoryReader
{
    public static List<HistoryRecord> ReadAll(ReadOnlySpan<byte> data)
    {
        var reader = new RowBinarySpanReader(data);
        var records = new List<HistoryRecord>();
        while (reader.HasMore)
        {
            records.Add(ReadRecord(ref reader));
        }

        return records;
    }

    private static HistoryRecord ReadRecord(ref RowBinarySpanReader r) => new()
    {
        VehicleId = r.ReadString(),
        DeviceId = r.ReadString(),
        CompanyId = r.ReadString(),
        DeviceTime = DateTimeOffset.FromUnixTimeMilliseconds(r.ReadInt64()),
        ServerTime = DateTimeOffset.FromUnixTimeMilliseconds(r.ReadInt64()),
        Lat = r.ReadFloat64(),
        Lon = r.ReadFloat64(),
        Valid = r.ReadByte() != 0,
        Speed = r.IsNull() ? null : r.ReadFloat64(),
        Heading = r.IsNull() ? null : r.ReadFloat64(),
        Altitude = r.IsNull() ? null : r.ReadFloat64(),
        Satellites = r.IsNull() ? null : r.ReadInt32(),
        Hdop = r.IsNull() ? null : r.ReadFloat64(),
        Ignition = r.IsNull() ? null : r.ReadByte() != 0,
        Fuel = r.IsNull() ? null : r.ReadFloat64(),
        Odometer = r.IsNull() ? null : r.ReadFloat64(),
        Alarm = r.ReadString(),
        AttributesJson = r.ReadString(),
    };
}
