namespace Fleet.Realtime.State;

/// <summary>
/// Where one snapshot's time went, so a slow answer can be told apart: the geo search; until the last HMGET reply had
/// arrived (from the request's start); the HMGET and copy work summed over chunks (they overlap); the time the
/// response waited for the next chunk in order; and the time it waited for the body to drain (flush back-pressure).
/// </summary>
public readonly record struct SnapshotStages(
    TimeSpan Search,
    TimeSpan LastReply,
    TimeSpan RedisSum,
    TimeSpan CopySum,
    TimeSpan ChunkWait,
    TimeSpan Flush);
