using Fleet.Realtime.State;

namespace Fleet.Realtime.Hubs;

/// <summary>
/// Collects updates per connection between frames. Within one frame the last word about a vehicle wins: a vehicle
/// that left and came back is a position, one that came and left is only in <c>left</c>.
/// </summary>
public sealed class FrameBuffer
{
    private readonly Lock _lock = new();
    private Dictionary<string, PendingFrame> _frames = new(StringComparer.Ordinal);

    public void AddPosition(string connectionId, SnapshotItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_lock)
        {
            var frame = FrameOf(connectionId);
            frame.Left.Remove(item.VehicleId);
            frame.Positions[item.VehicleId] = item;
        }
    }

    public void AddLeft(string connectionId, string vehicleId)
    {
        lock (_lock)
        {
            var frame = FrameOf(connectionId);
            frame.Positions.Remove(vehicleId);
            frame.Left.Add(vehicleId);
        }
    }

    /// <summary>
    /// Puts back a frame that could not be sent yet (the connection is still busy with the previous one). Anything
    /// newer that arrived meanwhile wins, so a slow client gets fewer, fuller frames instead of holding others back.
    /// </summary>
    public void Return(string connectionId, PendingFrame older)
    {
        ArgumentNullException.ThrowIfNull(older);
        lock (_lock)
        {
            var frame = FrameOf(connectionId);
            frame.FirstUpdateTimestamp = Math.Min(frame.FirstUpdateTimestamp, older.FirstUpdateTimestamp);
            foreach (var (vehicleId, item) in older.Positions)
            {
                if (!frame.Left.Contains(vehicleId))
                {
                    frame.Positions.TryAdd(vehicleId, item);
                }
            }

            foreach (var vehicleId in older.Left)
            {
                if (!frame.Positions.ContainsKey(vehicleId))
                {
                    frame.Left.Add(vehicleId);
                }
            }
        }
    }

    /// <summary>Takes every pending frame, leaving the buffer empty.</summary>
    public Dictionary<string, PendingFrame> TakeAll()
    {
        lock (_lock)
        {
            var taken = _frames;
            _frames = new Dictionary<string, PendingFrame>(StringComparer.Ordinal);
            return taken;
        }
    }

    private PendingFrame FrameOf(string connectionId)
    {
        if (!_frames.TryGetValue(connectionId, out var frame))
        {
            _frames[connectionId] = frame = new PendingFrame();
        }

        return frame;
    }
}
