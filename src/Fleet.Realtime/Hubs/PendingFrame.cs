using System.Diagnostics;
using Fleet.Realtime.State;

namespace Fleet.Realtime.Hubs;

/// <summary>What one connection gets in its next frame: the latest item per vehicle, and vehicles that left its view.</summary>
public sealed class PendingFrame
{
    public Dictionary<string, SnapshotItem> Positions { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Left { get; } = new(StringComparer.Ordinal);

    /// <summary>When the frame's first update arrived (<see cref="Stopwatch.GetTimestamp"/>): how long it waited.</summary>
    public long FirstUpdateTimestamp { get; set; } = Stopwatch.GetTimestamp();
}
