namespace Fleet.Realtime.State;

/// <summary>One HMGET chunk's matching items, already in the answer's shape: <c>[item,item,…</c> in a pooled buffer.</summary>
public sealed class CopiedChunk(PooledByteBuffer buffer, int count) : IDisposable
{
    /// <summary>How many items the chunk holds.</summary>
    public int Count => count;

    /// <summary>The items separated by commas, without the opening bracket (empty when none matched).</summary>
    public ReadOnlyMemory<byte> Items => buffer.WrittenMemory.Length <= 1 ? ReadOnlyMemory<byte>.Empty : buffer.WrittenMemory[1..];

    public void Dispose() => buffer.Dispose();
}
