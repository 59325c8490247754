namespace Fleet.Trajectory.Analysis;

/// <summary>All knobs of <see cref="TrackAnalyzer"/> in one place.</summary>
public sealed record TrackAnalysisOptions
{
    public CleaningOptions Cleaning { get; init; } = CleaningOptions.Default;

    public TripOptions Trips { get; init; } = TripOptions.Default;

    public OdometerOptions Odometer { get; init; } = OdometerOptions.Default;

    public static TrackAnalysisOptions Default { get; } = new();
}
