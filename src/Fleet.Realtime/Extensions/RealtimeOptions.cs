namespace Fleet.Realtime.Extensions;

/// <summary>Settings under <c>Realtime</c>.</summary>
public sealed class RealtimeOptions
{
    /// <summary>Prefix of every Redis key and channel this service reads or writes (docs/redis-layout.md uses "fleet:").</summary>
    public string KeyPrefix { get; set; } = "fleet:";

    /// <summary>Kafka consumer group shared by every Realtime instance: each position is consumed by exactly one of them.</summary>
    public string ConsumerGroup { get; set; } = "fleet-realtime";

    /// <summary>Whether this instance consumes vehicle.positions at all (an instance may serve connections only).</summary>
    public bool ConsumePositions { get; set; } = true;

    /// <summary>
    /// librdkafka <c>fetch.wait.max.ms</c> of the vehicle.positions consumer (<c>Kafka:Consumer:fetch.wait.max.ms</c>
    /// overrides it): the longest a fetch may wait for data, so part of every point's delay when the topic is quiet.
    /// </summary>
    public int FetchWaitMaxMs { get; set; } = 10;

    /// <summary>Threads that parse and route consumed positions, by partition (0 = one per processor).</summary>
    public int RoutingLanes { get; set; }

    /// <summary>How long updates for one client are collected into one frame.</summary>
    public TimeSpan FrameInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Widest bbox (degrees of longitude) the snapshot and the hub accept.</summary>
    public double MaxBboxWidthDegrees { get; set; } = 360;

    /// <summary>Tallest bbox (degrees of latitude) the snapshot and the hub accept.</summary>
    public double MaxBboxHeightDegrees { get; set; } = 180;

    /// <summary>Most vehicles one snapshot answers; a fuller box answers 400 asking to zoom in or filter.</summary>
    public int MaxSnapshotVehicles { get; set; } = 25_000;

    /// <summary>
    /// Redis connections a snapshot reads <c>fleet:state</c> over (the service's own + this − 1 more): each parses its
    /// replies on its own reader loop, so the ~3 MB of a 10k-vehicle answer is not parsed by one thread.
    /// </summary>
    public int SnapshotReadConnections { get; set; } = 2;

    /// <summary>
    /// Whether the snapshot reads the geo sets by geohash score ranges (ZRANGEBYSCORE, <c>GeoHashRanges</c>) rather
    /// than GEOSEARCH BYBOX: the same members, without Redis's per-member distance test.
    /// </summary>
    public bool SnapshotSearchByScore { get; set; } = true;

    /// <summary>Map tile URL template given to the page (an unreachable host only costs the background).</summary>
    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public string TileAttribution { get; set; } = "&copy; OpenStreetMap contributors";

    /// <summary>Base URL of Fleet.Trajectory for route playback; the page calls it with the same bearer token.</summary>
    public string? TrajectoryUrl { get; set; }
}
