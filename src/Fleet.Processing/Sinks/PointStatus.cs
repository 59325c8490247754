namespace Fleet.Processing.Sinks;

/// <summary>The <c>status</c> values of the map snapshot (CONTRACTS.md §4).</summary>
internal static class PointStatus
{
    public const string Moving = "moving";
    public const string Stopped = "stopped";
    public const string Offline = "offline";
}
