namespace Fleet.Trajectory.Services;

/// <summary>A validated request period: <see cref="From"/> ≤ device time &lt; <see cref="To"/>, UTC.</summary>
public sealed record Period(DateTimeOffset From, DateTimeOffset To);
