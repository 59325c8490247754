namespace Fleet.Trajectory.Analysis.Pieces;

/// <summary>What a day adds up to.</summary>
/// <param name="CleanPointCount">Cleaned points of the day.</param>
/// <param name="GpsMetres">GPS distance counted over the day (cumulative metres at its last point).</param>
/// <param name="MovingSeconds">Seconds of legs spent moving.</param>
/// <param name="MovingMetres">Metres of those legs.</param>
/// <param name="MaxSpeed">Highest reported speed of a cleaned point, km/h.</param>
internal sealed record DayPieceTotals(int CleanPointCount, double GpsMetres, double MovingSeconds, double MovingMetres, double MaxSpeed);
