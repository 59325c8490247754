using Fleet.Realtime.State;

namespace Fleet.Tests.Realtime;

public sealed class PooledByteBufferTests
{
    [Fact]
    public void Write_MoreThanTheInitialCapacity_KeepsEveryByteInOrder()
    {
        var expected = Enumerable.Range(0, 5_000).Select(i => (byte)(i % 251)).ToArray();
        using var buffer = new PooledByteBuffer(16);

        foreach (var piece in expected.Chunk(333))
        {
            piece.CopyTo(buffer.GetSpan(piece.Length));
            buffer.Advance(piece.Length);
        }

        Assert.Equal(expected, buffer.WrittenMemory.ToArray());
    }
}
