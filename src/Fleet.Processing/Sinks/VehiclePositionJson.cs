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

    /// <summary>Writes one complete document; the point must have a context (it is published only then).</summary>
    public static void Write(Utf8JsonWriter writer, EnrichedPoint point, DateTimeOffset processed)
    {
        var m = point.Message;
        var vehicle = point.Context!.Vehicle;
        writer.WriteStartObject();
        writer.WriteString(VehicleId, vehicle.Id);
        writer.WriteString(DeviceId, m.DeviceId);
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
        WriteIfNotNull(writer, Tariff, point.Context.Company?.Tariff);
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
        writer.WriteEndObject();
    }

    private static void WriteIfNotNull(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
