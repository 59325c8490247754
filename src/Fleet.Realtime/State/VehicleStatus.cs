namespace Fleet.Realtime.State;

/// <summary>The <c>status</c> values of a snapshot item (CONTRACTS.md §4).</summary>
public static class VehicleStatus
{
    public const string Moving = "moving";
    public const string Stopped = "stopped";
    public const string Offline = "offline";

    /// <summary>Speed from which a point counts as moving (docs/redis-layout.md).</summary>
    public const double MovingSpeedKmh = 3;
}
