using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Fleet.Contracts.Events;

namespace Fleet.Processing.Sinks;

/// <summary>
/// A <c>vehicle.positions</c> value written straight from the point: the bytes the source-generated
/// <see cref="FleetJsonContext"/> writes for <see cref="VehiclePosition"/> (camelCase, declaration order, nulls left
/// out, the same number/date/string writers), without building the record and its list per point.
/// </summary>
internal static class VehiclePositionJson
{
    private static readonly JsonEncodedText VehicleId = JsonEncodedText.Encode("vehicleId");
    private static readonly JsonEncodedText DeviceId = JsonEncodedText.Encode("deviceId");
    private static readonly JsonEncodedText CompanyId = JsonEncodedText.Encode("companyId");
    private static readonly JsonEncodedText DriverId = JsonEncodedText.Encode("driverId");
    private static readonly JsonEncodedText GroupIds = JsonEncodedText.Encode("groupIds");
    private static readonly JsonEncodedText Plate = JsonEncodedText.Encode("plate");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Tariff = JsonEncodedText.Encode("tariff");
    private static readonly JsonEncodedText Lat = JsonEncodedText.Encode("lat");
    private static readonly JsonEncodedText Lon = JsonEncodedText.Encode("lon");
    private static readonly JsonEncodedText Speed = JsonEncodedText.Encode("speed");
    private static readonly JsonEncodedText Heading = JsonEncodedText.Encode("heading");
    private static readonly JsonEncodedText Altitude = JsonEncodedText.Encode("altitude");
    private static readonly JsonEncodedText Ignition = JsonEncodedText.Encode("ignition");
    private static readonly JsonEncodedText Fuel = JsonEncodedText.Encode("fuel");
    private static readonly JsonEncodedText Odometer = JsonEncodedText.Encode("odometer");
    private static readonly JsonEncodedText Satellites = JsonEncodedText.Encode("satellites");
    private static readonly JsonEncodedText Alarm = JsonEncodedText.Encode("alarm");
    private static readonly JsonEncodedText DeviceTime = JsonEncodedText.Encode("deviceTime");
    private static readonly JsonEncodedText ServerTime = JsonEncodedText.Encode("serverTime");
    private static readonly JsonEncodedText ProcessedTime = JsonEncodedText.Encode("processedTime");

    /// <summary>For the writer passed to <see cref="Write"/>: it writes properties into an object it did not start.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    // Everything a point takes from its vehicle, company and device, written once per vehicle version: the vehicle record
    // is replaced (a new instance) on every update, so the table entry dies with the version it was built from.
    private static readonly ConditionalWeakTable<VehicleUpdated, PositionJsonPrefix> Prefixes = [];

    /// <summary>
    /// Writes one complete document into <paramref name="buffer"/> (the point must have a context: it is published only
    /// then). <paramref name="writer"/> must skip validation: it continues an object whose start is the cached prefix.
    /// </summary>
    public static void Write(ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer, EnrichedPoint point, DateTimeOffset processed)
    {
        buffer.Write(PrefixOf(point));
        writer.Reset(buffer);
        var m = point.Message;
        writer.WriteNumber(Lat, m.Lat);
        writer.WriteNumber(Lon, m.Lon);
        if (m.HasSpeedKmh)
        {
            writer.WriteNumber(Speed, m.SpeedKmh);
        }

        if (m.HasHeading)
        {
            writer.WriteNumber(Heading, m.Heading);
        }

        if (m.HasAltitudeM)
        {
            writer.WriteNumber(Altitude, m.AltitudeM);
        }

        if (m.HasIgnition)
        {
            writer.WriteBoolean(Ignition, m.Ignition);
        }

        if (m.HasFuelL)
        {
            writer.WriteNumber(Fuel, m.FuelL);
        }

        if (m.HasOdometerKm)
        {
            writer.WriteNumber(Odometer, m.OdometerKm);
        }

        if (m.HasSatellites)
        {
            writer.WriteNumber(Satellites, m.Satellites);
        }

        if (!string.IsNullOrEmpty(m.Alarm))
        {
            writer.WriteString(Alarm, m.Alarm);
        }

        writer.WriteString(DeviceTime, point.DeviceTime);
        writer.WriteString(ServerTime, point.ServerTime);
        writer.WriteString(ProcessedTime, processed);
        writer.Flush();
        buffer.Write("}"u8);
    }

    private static byte[] PrefixOf(EnrichedPoint point)
    {
        var vehicle = point.Context!.Vehicle;
        var company = point.Context.Company;
        if (Prefixes.TryGetValue(vehicle, out var cached) && ReferenceEquals(cached.Company, company)
            && string.Equals(cached.DeviceId, point.Message.DeviceId, StringComparison.Ordinal))
        {
            return cached.Bytes;
        }

        var prefix = new PositionJsonPrefix(point.Message.DeviceId, company, BuildPrefix(vehicle, point.Message.DeviceId, company?.Tariff));
        Prefixes.AddOrUpdate(vehicle, prefix);
        return prefix.Bytes;
    }

    /// <summary>The document up to the first per-point field, with the comma after the last vehicle field.</summary>
    private static byte[] BuildPrefix(VehicleUpdated vehicle, string deviceId, string? tariff)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(VehicleId, vehicle.Id);
            writer.WriteString(DeviceId, deviceId);
            writer.WriteString(CompanyId, vehicle.CompanyId);
            WriteIfNotNull(writer, DriverId, vehicle.DriverId);
            writer.WriteStartArray(GroupIds);
            if (vehicle.GroupIds is { } groups)
            {
                foreach (var group in groups)
                {
                    writer.WriteStringValue(group);
                }
            }

            writer.WriteEndArray();
            WriteIfNotNull(writer, Plate, vehicle.Plate);
            WriteIfNotNull(writer, Name, vehicle.Name);
            WriteIfNotNull(writer, Tariff, tariff);
        }

        buffer.Write(","u8);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteIfNotNull(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
