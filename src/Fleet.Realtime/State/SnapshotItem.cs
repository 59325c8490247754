using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Fleet.Realtime.State;

/// <summary>
/// One vehicle on the map (CONTRACTS.md §4), the value of <c>fleet:state</c> and the item of the hub's <c>positions</c>.
/// Names are explicit for both wires: System.Text.Json reads <see cref="JsonPropertyNameAttribute"/>, SignalR's
/// MessagePack reads <see cref="DataMemberAttribute"/>; without them MessagePack would send PascalCase.
/// <see cref="DeviceTime"/> stays ISO 8601 text so both protocols hand the browser the same value.
/// </summary>
[DataContract]
public sealed record SnapshotItem
{
    [DataMember(Name = "vehicleId"), JsonPropertyName("vehicleId")] public required string VehicleId { get; init; }
    [DataMember(Name = "deviceId"), JsonPropertyName("deviceId")] public string? DeviceId { get; init; }
    [DataMember(Name = "companyId"), JsonPropertyName("companyId")] public required string CompanyId { get; init; }
    [DataMember(Name = "driverId"), JsonPropertyName("driverId")] public string? DriverId { get; init; }
    [DataMember(Name = "groupIds"), JsonPropertyName("groupIds")] public IReadOnlyList<string> GroupIds { get; init; } = [];
    [DataMember(Name = "plate"), JsonPropertyName("plate")] public string? Plate { get; init; }
    [DataMember(Name = "name"), JsonPropertyName("name")] public string? Name { get; init; }
    [DataMember(Name = "lat"), JsonPropertyName("lat")] public double Lat { get; init; }
    [DataMember(Name = "lon"), JsonPropertyName("lon")] public double Lon { get; init; }
    [DataMember(Name = "speed"), JsonPropertyName("speed")] public double? Speed { get; init; }
    [DataMember(Name = "heading"), JsonPropertyName("heading")] public double? Heading { get; init; }
    [DataMember(Name = "ignition"), JsonPropertyName("ignition")] public bool? Ignition { get; init; }
    [DataMember(Name = "fuel"), JsonPropertyName("fuel")] public double? Fuel { get; init; }
    [DataMember(Name = "deviceTime"), JsonPropertyName("deviceTime")] public string? DeviceTime { get; init; }
    [DataMember(Name = "status"), JsonPropertyName("status")] public string Status { get; init; } = VehicleStatus.Stopped;
}
