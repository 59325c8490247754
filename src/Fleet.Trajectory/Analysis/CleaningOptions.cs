namespace Fleet.Trajectory.Analysis;

/// <summary>Knobs of <see cref="TrackCleaner"/>. Defaults suit road vehicles.</summary>
public sealed record CleaningOptions
{
    /// <summary>A point implying a higher ground speed from the last accepted point is a GPS jump.</summary>
    public double MaxSpeedKmh { get; init; } = 300;

    /// <summary>Moves shorter than this are never called jumps: at one-second sampling a few metres of noise would otherwise look "fast".</summary>
    public double JumpMinDistanceMetres { get; init; } = 100;

    /// <summary>Consecutive mutually consistent points needed to overrule the current chain (bad first point or real relocation).</summary>
    public int ConfirmationPoints { get; init; } = 3;

    /// <summary>A confirmed chain must also last this long before it is accepted as a real relocation of an established track;
    /// multipath clusters rarely last longer.</summary>
    public double RelocationMinSeconds { get; init; } = 120;

    /// <summary>Below this reported speed a point with ignition off/unknown is stationary for drift suppression.</summary>
    public double StationarySpeedKmh { get; init; } = 3;

    /// <summary>While stationary, wander within this radius of the last counted position adds no distance.</summary>
    public double DriftRadiusMetres { get; init; } = 30;

    public static CleaningOptions Default { get; } = new();
}
