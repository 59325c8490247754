namespace Fleet.Tests.Trajectory.Summaries;

/// <summary>A clock standing at one instant, so "yesterday" of the pre-compute worker is a day with test data.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
