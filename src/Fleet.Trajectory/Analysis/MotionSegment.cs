namespace Fleet.Trajectory.Analysis;

/// <summary>A stretch of the timeline that is either motion or standstill; merged step by step into trips and stops.</summary>
internal readonly record struct MotionSegment(
    bool IsMotion,
    DateTimeOffset Start,
    DateTimeOffset End,
    double StartLat,
    double StartLon,
    double EndLat,
    double EndLon,
    double DistanceMetres,
    double MovingSeconds,
    double MaxSpeed,
    bool ContainsGap)
{
    public double DurationSeconds => (End - Start).TotalSeconds;

    /// <summary>Joins two neighbouring segments; the result keeps the first one's start position.</summary>
    public static MotionSegment Join(MotionSegment first, MotionSegment second, bool isMotion) => new(
        isMotion,
        first.Start,
        second.End,
        first.StartLat,
        first.StartLon,
        second.EndLat,
        second.EndLon,
        first.DistanceMetres + second.DistanceMetres,
        first.MovingSeconds + second.MovingSeconds,
        Math.Max(first.MaxSpeed, second.MaxSpeed),
        first.ContainsGap || second.ContainsGap);
}
