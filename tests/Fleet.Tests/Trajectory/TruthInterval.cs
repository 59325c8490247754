namespace Fleet.Tests.Trajectory;

/// <summary>A ground-truth trip or stop produced by <see cref="TrackBuilder"/>; Metres is the path length driven in it.</summary>
public sealed record TruthInterval(DateTimeOffset Start, DateTimeOffset End, double Metres);
