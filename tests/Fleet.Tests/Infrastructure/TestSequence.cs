using System.Buffers;

namespace Fleet.Tests.Infrastructure;

/// <summary>Builds multi-segment <see cref="ReadOnlySequence{T}"/> instances, the shape a socket pipe really delivers.</summary>
public sealed class TestSequence : ReadOnlySequenceSegment<byte>
{
    private TestSequence(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    /// <summary>One segment per array, in order (empty arrays give empty segments).</summary>
    public static ReadOnlySequence<byte> Create(params byte[][] segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        var first = new TestSequence(segments[0], 0);
        TestSequence last = first;
        for (int i = 1; i < segments.Length; i++)
        {
            var next = new TestSequence(segments[i], last.RunningIndex + last.Memory.Length);
            last.Next = next;
            last = next;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary>Cuts <paramref name="data"/> at the given ascending offsets.</summary>
    public static ReadOnlySequence<byte> Split(byte[] data, params int[] cuts)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(cuts);
        var parts = new List<byte[]>();
        int start = 0;
        foreach (int cut in cuts)
        {
            parts.Add(data[start..cut]);
            start = cut;
        }

        parts.Add(data[start..]);
        return Create([.. parts]);
    }

    /// <summary>Cuts <paramref name="data"/> into segments of at most <paramref name="segmentSize"/> bytes.</summary>
    public static ReadOnlySequence<byte> Chunked(byte[] data, int segmentSize)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(segmentSize);
        return Create(data.Chunk(segmentSize).ToArray());
    }

    /// <summary>Every byte in its own segment: the worst case for a framer.</summary>
    public static ReadOnlySequence<byte> ByteByByte(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Create([.. data.Select(b => new[] { b })]);
    }
}
