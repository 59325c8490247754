namespace Fleet.Trajectory.Analysis;

/// <summary>What a track's odometer readings add up to: enough to choose the distance source without the points.</summary>
/// <param name="ReadingCount">Cleaned points with a finite odometer value.</param>
/// <param name="FirstKm">The first reading.</param>
/// <param name="FirstCumulativeMetres">GPS metres counted up to the first reading.</param>
/// <param name="LastKm">The last reading.</param>
/// <param name="LastCumulativeMetres">GPS metres counted up to the last reading.</param>
/// <param name="Inconsistency">The first step between readings that cannot be trusted, or null.</param>
internal sealed record OdometerSpan(
    int ReadingCount, double FirstKm, double FirstCumulativeMetres, double LastKm, double LastCumulativeMetres, string? Inconsistency);
