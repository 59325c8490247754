namespace Fleet.Trajectory.Analysis;

/// <summary>Trips and stops of a period, each in time order.</summary>
public sealed record TripsAndStops(IReadOnlyList<TripItem> Trips, IReadOnlyList<StopItem> Stops);
