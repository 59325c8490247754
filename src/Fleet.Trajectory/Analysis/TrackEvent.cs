namespace Fleet.Trajectory.Analysis;

/// <summary>An event on the track.</summary>
/// <param name="Time">When it happened (for offline: the last record before the silence).</param>
/// <param name="Type">Kind of event.</param>
/// <param name="Alarm">Alarm kind for <see cref="TrackEventType.Alarm"/>, otherwise null.</param>
/// <param name="Lat">Last trusted position at that time (records without a valid fix borrow it); null if the track has none.</param>
/// <param name="Lon">Longitude of that position.</param>
public sealed record TrackEvent(DateTimeOffset Time, TrackEventType Type, string? Alarm, double? Lat, double? Lon);
