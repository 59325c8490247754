namespace Fleet.Realtime.State;

/// <summary>One HMGET chunk's matching items, already in the answer's shape: <c>[item,item,…</c> in a pooled buffer.</summary>
public sealed class CopiedChunk(PooledByteBuffer buffer, int count, TimeSpan redisTime, TimeSpan copyTime, long repliedAt) : IDisposable
{
    /// <summary>How many items the chunk holds.</summary>
    public int Count => count;

    /// <summary>From sending the chunk's HMGET to its parsed reply (Redis, the socket and the client's reply parsing).</summary>
    public TimeSpan RedisTime => redisTime;

    /// <summary><see cref="System.Diagnostics.Stopwatch"/> timestamp of the HMGET reply's arrival.</summary>
    public long RepliedAt => repliedAt;

    /// <summary>Filtering and copying the chunk's stored items.</summary>
    public TimeSpan CopyTime => copyTime;

    /// <summary>The items separated by commas, without the opening bracket (empty when none matched).</summary>
    public ReadOnlyMemory<byte> Items => buffer.WrittenMemory.Length <= 1 ? ReadOnlyMemory<byte>.Empty : buffer.WrittenMemory[1..];

    public void Dispose() => buffer.Dispose();
}
