namespace Fleet.Trajectory;

/// <summary>
/// A type of this assembly for <c>WebApplicationFactory&lt;TrajectoryApiMarker&gt;</c>: several services declare a
/// global <c>Program</c>, so tests referencing more than one cannot name it.
/// </summary>
public sealed class TrajectoryApiMarker;
