using System.Buffers;
using Fleet.Ingestion.Protocols;
using Fleet.Ingestion.Protocols.Gt06;
using Fleet.Tests.Infrastructure;

namespace Fleet.Tests.Protocols.Gt06;

/// <summary>Framing over real packets (Traccar's Gt06ProtocolDecoderTest / Gt06FrameDecoderTest, issue #1583 log).</summary>
public sealed class Gt06FramingTests
{
    private const string Login = "78780d01035851102027907501bd521a0d0a";
    private const string Location = "78781f120f0c080c1036c701df1252086954d300141e01940000100077e501bec31c0d0a";
    private const string Extended = "7979000894000000000338ba0d0a";
    private readonly Gt06Protocol _protocol = new();

    private static byte[] Hex(string hex) => Convert.FromHexString(hex);

    private List<byte[]> ReadAll(ref ReadOnlySequence<byte> buffer)
    {
        var frames = new List<byte[]>();
        while (_protocol.TryReadFrame(ref buffer, out ReadOnlySequence<byte> frame))
        {
            frames.Add(frame.ToArray());
        }

        return frames;
    }

    [Fact]
    public void TryReadFrame_LoginThenLocationThenExtended_ReturnsThreeExactFrames()
    {
        // Issue #1583 shows the device sending its location and heartbeat in one TCP read; framing must split them.
        var buffer = new ReadOnlySequence<byte>(Hex(Login + Location + Extended));

        var frames = ReadAll(ref buffer);

        Assert.Equal([Hex(Login), Hex(Location), Hex(Extended)], frames);
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void TryReadFrame_EveryPartialPrefix_ReturnsFalseAndLeavesBufferUntouched()
    {
        byte[] bytes = Hex(Location);
        for (int length = 0; length < bytes.Length; length++)
        {
            var buffer = new ReadOnlySequence<byte>(bytes, 0, length);

            Assert.False(_protocol.TryReadFrame(ref buffer, out _));
            Assert.Equal(length, buffer.Length);
            Assert.Equal(bytes[..length], buffer.ToArray());
        }
    }

    [Fact]
    public void TryReadFrame_FrameSplitAcrossSegments_DecodesLikeContiguousFrame()
    {
        byte[] bytes = Hex(Login + Location);
        var session = new DeviceSession("358511020279075");
        var contiguous = new ReadOnlySequence<byte>(bytes);
        var expected = ReadAll(ref contiguous).Select(f => _protocol.Decode(f, session)).ToList();

        foreach (var segmented in new[] { TestSequence.ByteByByte(bytes), TestSequence.Split(bytes, 1, 2, 3, 20, 19 + 18) })
        {
            var buffer = segmented;
            var decoded = ReadAll(ref buffer).Select(f => _protocol.Decode(f, session)).ToList();

            Assert.Equal(2, decoded.Count);
            Assert.Equal(expected[0].DeviceId, decoded[0].DeviceId);
            Assert.Equal(expected[0].Reply, decoded[0].Reply);
            // Records compare the attribute dictionary by reference, so compare it by content separately.
            Assert.Equal(expected[1].Points[0] with { Attributes = TelemetryPoint.EmptyAttributes }, decoded[1].Points[0] with { Attributes = TelemetryPoint.EmptyAttributes });
            Assert.Equal(expected[1].Points[0].Attributes, decoded[1].Points[0].Attributes);
            Assert.Equal(17.442463, decoded[1].Points[0].Latitude, 1e-5);
        }
    }

    [Fact]
    public void TryReadFrame_GarbageBeforeFrame_ReturnsGarbageThenResyncs()
    {
        byte[] bytes = [0x00, 0x01, 0x78, 0x0D, 0x0A, .. Hex(Login)];
        var buffer = TestSequence.Split(bytes, 3, 6);

        var frames = ReadAll(ref buffer);

        Assert.Equal(2, frames.Count);
        Assert.Equal("garbage", _protocol.Decode(frames[0], DeviceSession.Anonymous).Error);
        Assert.Equal("358511020279075", _protocol.Decode(frames[1], DeviceSession.Anonymous).DeviceId);
    }

    [Fact]
    public void TryReadFrame_CorruptLengthByte_SkipsToNextFrame()
    {
        // The first frame's length says 0x0E instead of 0x0D: stop bits do not line up, so it must not swallow the next frame.
        byte[] corrupt = Hex(Login);
        corrupt[2] = 0x0E;
        var buffer = new ReadOnlySequence<byte>([.. corrupt, .. Hex(Location)]);

        var frames = ReadAll(ref buffer);

        Assert.Equal(Hex(Location), frames[^1]);
        Assert.All(frames[..^1], f => Assert.True(_protocol.Decode(f, DeviceSession.Anonymous).IsRejected));
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void TryReadFrame_ExtendedLengthAboveLimit_ReturnedAsGarbage()
    {
        var buffer = new ReadOnlySequence<byte>(Hex("7979FFFF01020304"));

        Assert.True(_protocol.TryReadFrame(ref buffer, out ReadOnlySequence<byte> frame));
        Assert.Equal(8, frame.Length);
        Assert.Equal("garbage", _protocol.Decode(frame.ToArray(), DeviceSession.Anonymous).Error);
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void TryReadFrame_GarbageEndingInHalfMarker_KeepsTheHalfMarker()
    {
        var buffer = new ReadOnlySequence<byte>(Hex("AABB78"));

        Assert.True(_protocol.TryReadFrame(ref buffer, out ReadOnlySequence<byte> frame));

        Assert.Equal(Hex("AABB"), frame.ToArray());
        Assert.Equal(Hex("78"), buffer.ToArray());
        Assert.False(_protocol.TryReadFrame(ref buffer, out _));
    }
}
