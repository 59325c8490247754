namespace Fleet.Trajectory.Apis.Models;

/// <summary>One stored point, as <c>/positions</c> returns it (CONTRACTS.md §4).</summary>
public sealed record PositionItem(
    DateTime Time, double Lat, double Lon, double? Speed, double? Heading, double? Altitude, bool? Ignition, double? Fuel, int? Satellites);
