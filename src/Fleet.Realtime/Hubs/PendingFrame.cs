using Fleet.Realtime.State;

namespace Fleet.Realtime.Hubs;

/// <summary>What one connection gets in its next frame: the latest item per vehicle, and vehicles that left its view.</summary>
public sealed class PendingFrame
{
    public Dictionary<string, SnapshotItem> Positions { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Left { get; } = new(StringComparer.Ordinal);
}
