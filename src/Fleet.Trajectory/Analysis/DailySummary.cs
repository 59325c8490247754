namespace Fleet.Trajectory.Analysis;

/// <summary>Totals of one local calendar day.</summary>
/// <param name="Day">Local date in the requested time zone.</param>
/// <param name="DistanceKm">Cleaned GPS distance; legs crossing local midnight are split by time (linear interpolation).</param>
/// <param name="EngineHours">Hours with ignition on (sample-and-hold between records; data gaps not counted).</param>
/// <param name="MaxSpeed">Highest reported speed of that day's points, km/h.</param>
/// <param name="AvgSpeed">Distance covered while moving / moving time of that day, km/h.</param>
/// <param name="FuelUsedLitres">Sum of confirmed fuel level drops registered that day (see <see cref="FuelConsumption"/>).</param>
public sealed record DailySummary(DateOnly Day, double DistanceKm, double EngineHours, double MaxSpeed, double AvgSpeed, double FuelUsedLitres);
