namespace Fleet.Trajectory.Analysis;

/// <summary>
/// Trip/stop semantics, named after Traccar's report.trip.* settings.
/// A motion stretch becomes a trip when it covers <see cref="MinTripDistanceMetres"/> OR lasts
/// <see cref="MinTripDurationSeconds"/>; a standstill between trips shorter than <see cref="MinParkingSeconds"/> is absorbed
/// into the trip (traffic lights); a data gap longer than <see cref="GapSeconds"/> always ends a trip and is a stop.
/// </summary>
public sealed record TripOptions
{
    public double MinTripDistanceMetres { get; init; } = 500;

    public double MinTripDurationSeconds { get; init; } = 300;

    public double MinParkingSeconds { get; init; } = 300;

    /// <summary>No points for longer than this = the device was off/offline: a stop, never part of a trip.</summary>
    public double GapSeconds { get; init; } = 3600;

    /// <summary>Reported speed at or above this is motion.</summary>
    public double SpeedThresholdKmh { get; init; } = 5;

    /// <summary>When a record reports ignition off it is not motion whatever its speed (drift, towing).</summary>
    public bool UseIgnition { get; init; } = true;

    /// <summary>Silence longer than this produces offline/online events.</summary>
    public double OfflineSeconds { get; init; } = 3600;

    public static TripOptions Default { get; } = new();
}
