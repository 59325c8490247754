using Fleet.Realtime.State;

namespace Fleet.Realtime.Positions;

/// <summary>A vehicle's last position as the router knows it: the item sent to the map and its device time.</summary>
public readonly record struct RoutedPosition(SnapshotItem Item, DateTimeOffset DeviceTime);
