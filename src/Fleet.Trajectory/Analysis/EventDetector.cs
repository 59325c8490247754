namespace Fleet.Trajectory.Analysis;

/// <summary>
/// Ignition transitions, alarms and offline/online events. Reads ALL de-duplicated records, not just cleaned positions:
/// an SOS sent without a GPS fix, or ignition switched on in an underground garage, is still a real event.
/// The first known ignition state is a baseline, not a transition; records without ignition keep the last known state.
/// </summary>
public static class EventDetector
{
    public static IReadOnlyList<TrackEvent> Detect(CleanedTrack track, TripOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(track);
        options ??= TripOptions.Default;
        var positions = new PositionLookup(track.Points);
        var events = new List<TrackEvent>();
        bool? lastIgnition = null;
        HistoryPoint? previous = null;

        foreach (var record in track.Records)
        {
            if (previous is not null && (record.Time - previous.Time).TotalSeconds > options.OfflineSeconds)
            {
                events.Add(positions.EventAt(previous.Time, TrackEventType.Offline, null));
                events.Add(positions.EventAt(record.Time, TrackEventType.Online, null));
            }

            if (record.Ignition is { } ignition)
            {
                if (lastIgnition is { } last && last != ignition)
                {
                    events.Add(positions.EventAt(record.Time, ignition ? TrackEventType.IgnitionOn : TrackEventType.IgnitionOff, null));
                }

                lastIgnition = ignition;
            }

            if (!string.IsNullOrWhiteSpace(record.Alarm))
            {
                events.Add(positions.EventAt(record.Time, TrackEventType.Alarm, record.Alarm));
            }

            previous = record;
        }

        return events;
    }
}
