namespace Fleet.Trajectory.Routes;

/// <summary>What a cached day piece depends on besides its day's points.</summary>
/// <param name="VehicleId">The vehicle.</param>
/// <param name="TimeZone">IANA zone whose local days the pieces cover.</param>
/// <param name="ToleranceMillimetres">Simplification tolerance.</param>
/// <param name="Analysis">Piece layout and analysis options (<see cref="DayRoutes.AnalysisKey"/>): other settings, other pieces.</param>
internal sealed record DayRouteKey(string VehicleId, string TimeZone, int ToleranceMillimetres, string Analysis);
