namespace Fleet.Trajectory.Analysis;

/// <summary>An accepted point with the distance its incoming leg contributes after drift and relocation handling.</summary>
/// <param name="Point">The original record.</param>
/// <param name="LegMetres">Distance counted from the previous cleaned point; zero for the first point, drift and relocations.</param>
/// <param name="CumulativeMetres">Sum of <paramref name="LegMetres"/> up to and including this point.</param>
public sealed record CleanPoint(HistoryPoint Point, double LegMetres, double CumulativeMetres);
