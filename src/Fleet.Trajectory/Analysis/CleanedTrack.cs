namespace Fleet.Trajectory.Analysis;

/// <summary>Output of <see cref="TrackCleaner"/>.</summary>
/// <param name="Records">All records sorted by time with duplicates collapsed, INCLUDING invalid fixes and jumps:
/// ignition, alarms and fuel do not depend on the GPS fix, so events and engine hours read these.</param>
/// <param name="Points">Positions usable for geometry and distance, in time order.</param>
/// <param name="Report">Counts of what was dropped.</param>
public sealed record CleanedTrack(IReadOnlyList<HistoryPoint> Records, IReadOnlyList<CleanPoint> Points, CleaningReport Report)
{
    public double DistanceMetres => Points.Count == 0 ? 0 : Points[^1].CumulativeMetres;

    /// <summary>The last position distance was counted from: a following day's first leg is measured from it.</summary>
    internal HistoryPoint? DriftAnchor { get; init; }
}
