using System.Collections.Concurrent;
using Fleet.Ingestion.Options;
using Microsoft.Extensions.Options;

namespace Fleet.Ingestion.Devices;

/// <summary>Per-device token bucket counted in points, so one runaway device cannot crowd out the rest.</summary>
public sealed class DeviceRateLimiter(IOptions<IngestionOptions> options, TimeProvider clock)
{
    private readonly double _rate = options.Value.RateLimit.PointsPerSecond;
    private readonly double _burst = options.Value.RateLimit.Burst;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Takes <paramref name="points"/> tokens; false when the device is over its rate (nothing is taken).</summary>
    public bool TryTake(string deviceId, int points)
    {
        if (_rate <= 0 || points == 0)
        {
            return true;
        }

        var now = clock.GetTimestamp();
        var bucket = _buckets.GetOrAdd(deviceId, static (_, state) => new Bucket(state.Burst, state.Now), (Burst: _burst, Now: now));
        lock (bucket)
        {
            var elapsed = clock.GetElapsedTime(bucket.UpdatedAt, now).TotalSeconds;
            bucket.Tokens = Math.Min(_burst, bucket.Tokens + (elapsed * _rate));
            bucket.UpdatedAt = now;
            // A frame bigger than the bucket still passes when the bucket is full, or that device could never send it.
            if (bucket.Tokens >= points || bucket.Tokens >= _burst)
            {
                bucket.Tokens -= points;
                return true;
            }

            return false;
        }
    }

    private sealed class Bucket(double tokens, long updatedAt)
    {
        public double Tokens { get; set; } = tokens;

        public long UpdatedAt { get; set; } = updatedAt;
    }
}
