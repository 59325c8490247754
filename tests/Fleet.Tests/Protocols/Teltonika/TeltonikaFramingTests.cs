using System.Buffers;
using Fleet.Ingestion.Protocols;
using Fleet.Ingestion.Protocols.Teltonika;
using Fleet.Tests.Infrastructure;
using static Fleet.Tests.Protocols.Teltonika.TeltonikaSamples;

namespace Fleet.Tests.Protocols.Teltonika;

/// <summary>TryReadFrame over the TCP stream: complete, partial, split and garbage input.</summary>
public sealed class TeltonikaFramingTests
{
    private readonly TeltonikaProtocol _protocol = new();

    [Fact]
    public void TryReadFrame_EmptyBuffer_ReturnsFalse()
    {
        var buffer = ReadOnlySequence<byte>.Empty;

        Assert.False(_protocol.TryReadFrame(ref buffer, out _));
    }

    [Fact]
    public void TryReadFrame_LoginThenTwoAvlPackets_ReturnsEachFrameInOrder()
    {
        byte[] stream = [.. Bytes(WikiLogin), .. Bytes(WikiCodec8), .. Bytes(WikiCodec8Extended)];
        var buffer = new ReadOnlySequence<byte>(stream);

        var frames = ReadAll(ref buffer);

        Assert.Equal([Bytes(WikiLogin), Bytes(WikiCodec8), Bytes(WikiCodec8Extended)], frames);
        Assert.True(buffer.IsEmpty);
    }

    [Theory]
    [InlineData(WikiLogin)]
    [InlineData(WikiCodec8)]
    [InlineData(TraccarCodec8ExtendedVinAndDtc)]
    public void TryReadFrame_EveryProperPrefix_ReturnsFalseAndLeavesBufferUntouched(string hex)
    {
        var bytes = Bytes(hex);
        for (var length = 1; length < bytes.Length; length++)
        {
            var original = new ReadOnlySequence<byte>(bytes, 0, length);
            var buffer = original;

            Assert.False(_protocol.TryReadFrame(ref buffer, out _), $"prefix of {length} bytes");
            Assert.Equal(original.Start, buffer.Start);
            Assert.Equal(original.Length, buffer.Length);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    public void TryReadFrame_FrameSplitAcrossSegments_DecodesLikeContiguousBytes(int segmentSize)
    {
        var bytes = Bytes(TraccarCodec8PortugalWest);
        var buffer = TestSequence.Chunked(bytes, segmentSize);

        Assert.True(_protocol.TryReadFrame(ref buffer, out var frame));
        Assert.True(buffer.IsEmpty);
        Assert.Equal(bytes, frame.ToArray());
        var session = new DeviceSession("356307042441013");
        var split = _protocol.Decode(frame.ToArray(), session);
        var contiguous = _protocol.Decode(bytes, session);
        Assert.Equal(contiguous.Reply, split.Reply);
        Assert.Equal(contiguous.Points, split.Points, (a, b) => a.DeviceTime == b.DeviceTime && a.Latitude == b.Latitude);
    }

    [Fact]
    public void TryReadFrame_HeaderSplitInsideLengthField_WaitsThenReads()
    {
        var bytes = Bytes(WikiCodec8);
        var partial = TestSequence.Create(bytes[..3], bytes[3..6]);

        Assert.False(_protocol.TryReadFrame(ref partial, out _));
        Assert.Equal(6, partial.Length);

        var complete = TestSequence.Create(bytes[..3], bytes[3..6], bytes[6..]);
        Assert.True(_protocol.TryReadFrame(ref complete, out var frame));
        Assert.Equal(bytes, frame.ToArray());
    }

    [Fact]
    public void TryReadFrame_TraccarPingBeforeLogin_ReturnsPingThenLogin()
    {
        // Traccar TeltonikaFrameDecoderTest: "FF000F313233343536373839303132333435".
        var buffer = new ReadOnlySequence<byte>(Bytes("FF" + TraccarLogin));

        var frames = ReadAll(ref buffer);

        Assert.Equal([[0xFF], Bytes(TraccarLogin)], frames);
    }

    [Fact]
    public void TryReadFrame_GarbageBeforeLogin_ReturnsGarbageUpToNextZeroThenLogin()
    {
        var buffer = new ReadOnlySequence<byte>(Bytes("414243" + WikiLogin));

        var frames = ReadAll(ref buffer);

        Assert.Equal([Bytes("414243"), Bytes(WikiLogin)], frames);
        Assert.True(_protocol.Decode(frames[0], DeviceSession.Anonymous).CloseConnection);
    }

    [Fact]
    public void TryReadFrame_OversizeDataLength_ReturnsHeaderOnlyWithoutWaitingForBody()
    {
        var buffer = new ReadOnlySequence<byte>(Bytes("00000000" + "7FFFFFFF" + "08"));

        Assert.True(_protocol.TryReadFrame(ref buffer, out var frame));

        Assert.Equal(8, frame.Length);
        Assert.Equal(1, buffer.Length);
        var result = _protocol.Decode(frame.ToArray(), new DeviceSession("356307042441013"));
        Assert.True(result.CloseConnection);
    }

    [Fact]
    public void TryReadFrame_TraccarZeroLengthPacket_ReturnsHeaderOnlyAndDecodeCloses()
    {
        var buffer = new ReadOnlySequence<byte>(Bytes(TraccarZeroDataLength));

        Assert.True(_protocol.TryReadFrame(ref buffer, out var frame));

        Assert.Equal(Bytes("0000000000000000"), frame.ToArray());
        Assert.True(_protocol.Decode(frame.ToArray(), new DeviceSession("356307042441013")).CloseConnection);
    }

    [Theory]
    [InlineData("0005", 2)]     // IMEI length below 15
    [InlineData("0012", 2)]     // IMEI length 18
    [InlineData("0000FFFF", 4)] // preamble not all zero
    public void TryReadFrame_ImpossibleHeader_ReturnsItAsGarbageFrame(string hex, int expectedLength)
    {
        var buffer = new ReadOnlySequence<byte>(Bytes(hex + "00"));

        Assert.True(_protocol.TryReadFrame(ref buffer, out var frame));

        Assert.Equal(expectedLength, frame.Length);
    }

    private List<byte[]> ReadAll(ref ReadOnlySequence<byte> buffer)
    {
        var frames = new List<byte[]>();
        while (_protocol.TryReadFrame(ref buffer, out var frame))
        {
            frames.Add(frame.ToArray());
        }

        return frames;
    }
}
