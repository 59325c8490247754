using System.Text.Json.Serialization;

namespace Fleet.Trajectory.Apis.Models;

/// <summary>An event on the route: type is ignitionOn, ignitionOff, alarm (with the device's alarm kind), offline or online.</summary>
public sealed record RouteEvent(
    DateTime Time,
    double? Lat,
    double? Lon,
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Alarm);
