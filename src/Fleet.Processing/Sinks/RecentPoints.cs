namespace Fleet.Processing.Sinks;

/// <summary>
/// The last few device times published per device: a cheap way to skip re-publishing an exact duplicate (a device
/// resend, or a batch retried after a failed side effect). History and state deduplicate on their own.
/// </summary>
internal sealed class RecentPoints(int perDevice = 16)
{
    private readonly Dictionary<string, (long[] Times, int Next)> _byDevice = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public bool Contains(string deviceId, long deviceTimeMs)
    {
        lock (_gate)
        {
            return _byDevice.TryGetValue(deviceId, out var ring) && Array.IndexOf(ring.Times, deviceTimeMs) >= 0;
        }
    }

    public void Add(string deviceId, long deviceTimeMs)
    {
        lock (_gate)
        {
            if (!_byDevice.TryGetValue(deviceId, out var ring))
            {
                ring = (Enumerable.Repeat(long.MinValue, perDevice).ToArray(), 0);
            }

            ring.Times[ring.Next] = deviceTimeMs;
            _byDevice[deviceId] = (ring.Times, (ring.Next + 1) % perDevice);
        }
    }
}
