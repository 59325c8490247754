using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fleet.Contracts.Events;

/// <summary>Source-generated JSON for every event on the wire: camelCase, as CONTRACTS.md writes them.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CompanyUpdated))]
[JsonSerializable(typeof(DriverUpdated))]
[JsonSerializable(typeof(VehicleUpdated))]
[JsonSerializable(typeof(DeviceUpdated))]
[JsonSerializable(typeof(DeviceEvent))]
[JsonSerializable(typeof(VehiclePosition))]
public sealed partial class FleetJsonContext : JsonSerializerContext;
