namespace Fleet.Trajectory.Analysis;

/// <summary>Kinds of events derived from a vehicle's history.</summary>
public enum TrackEventType
{
    IgnitionOn,
    IgnitionOff,
    Alarm,
    Offline,
    Online,
}
