using System.Buffers;
using System.Text;
using Fleet.Ingestion.Protocols;
using Fleet.Ingestion.Protocols.H02;
using Fleet.Tests.Infrastructure;

namespace Fleet.Tests.Protocols.H02;

/// <summary>H02 framing over real frames from Traccar's H02ProtocolDecoderTest.</summary>
public sealed class H02FramingTests
{
    private const string Location = "*HQ,4210051415,V1,164549,A,0956.3869,N,08406.7068,W,000.00,000,221215,FFFFFBFF,712,01,0,0,6#";
    private const string Link = "*HQ,4210051415,LINK,180902,15,0,84,0,0,240517,FFFFFBFF#";
    private readonly H02Protocol _protocol = new();

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

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
    public void TryReadFrame_FramesWithLineBreaks_SplitsFramesAndLineBreaksDecodeToNothing()
    {
        // Traccar's test shows "*TH,...#\r\n": the line break is a separate, harmless frame.
        var buffer = new ReadOnlySequence<byte>(Ascii(Location + "\r\n" + Link));

        var frames = ReadAll(ref buffer);

        Assert.Equal([Ascii(Location), Ascii("\r\n"), Ascii(Link)], frames);
        var lineBreak = _protocol.Decode(frames[1], new DeviceSession("4210051415"));
        Assert.False(lineBreak.IsRejected);
        Assert.Empty(lineBreak.Points);
        Assert.Null(lineBreak.Reply);
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void TryReadFrame_EveryPartialPrefix_ReturnsFalseAndLeavesBufferUntouched()
    {
        byte[] bytes = Ascii(Location);
        for (int length = 0; length < bytes.Length; length++)
        {
            var buffer = new ReadOnlySequence<byte>(bytes, 0, length);

            Assert.False(_protocol.TryReadFrame(ref buffer, out _));
            Assert.Equal(bytes[..length], buffer.ToArray());
        }
    }

    [Fact]
    public void TryReadFrame_FrameSplitAcrossSegments_DecodesLikeContiguousFrame()
    {
        byte[] bytes = Ascii(Location);

        foreach (var segmented in new[] { TestSequence.ByteByByte(bytes), TestSequence.Split(bytes, 1, 30, 31, 60) })
        {
            var buffer = segmented;
            var frame = Assert.Single(ReadAll(ref buffer));
            var point = Assert.Single(_protocol.Decode(frame, DeviceSession.Anonymous).Points);

            Assert.Equal(bytes, frame);
            Assert.Equal(9.93978, point.Latitude, 1e-5);
            Assert.Equal(-84.11178, point.Longitude, 1e-5);
        }
    }

    [Fact]
    public void TryReadFrame_GarbageThenFrame_RejectsGarbageAndResyncs()
    {
        var buffer = TestSequence.Split(Ascii("GET / HTTP/1.1" + Location), 4);

        var frames = ReadAll(ref buffer);

        Assert.Equal(2, frames.Count);
        Assert.Equal("garbage", _protocol.Decode(frames[0], DeviceSession.Anonymous).Error);
        Assert.Single(_protocol.Decode(frames[1], DeviceSession.Anonymous).Points);
    }

    [Fact]
    public void TryReadFrame_FrameCutShortByNextFrame_RejectsTheStubAndKeepsTheNextFrame()
    {
        var buffer = new ReadOnlySequence<byte>(Ascii("*HQ,4210051415,V1,1645" + Location));

        var frames = ReadAll(ref buffer);

        Assert.Equal("truncated frame", _protocol.Decode(frames[0], DeviceSession.Anonymous).Error);
        Assert.Equal(Ascii(Location), frames[1]);
    }

    [Fact]
    public void TryReadFrame_OverlongRunWithoutTerminator_CappedAndRejected()
    {
        byte[] bytes = Ascii("*HQ," + new string('1', 3000));
        var buffer = new ReadOnlySequence<byte>(bytes);

        var frames = ReadAll(ref buffer);

        Assert.Equal(1024, frames[0].Length);
        Assert.Equal("frame too long", _protocol.Decode(frames[0], DeviceSession.Anonymous).Error);
        Assert.All(frames, f => Assert.True(_protocol.Decode(f, DeviceSession.Anonymous).IsRejected));
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void TryReadFrame_BinaryFrameThenText_RejectsBinaryAndDecodesText()
    {
        // Traccar binary packet (same device and place as its text twin below, 15 s later), then the text frame.
        byte[] binary = Convert.FromHexString("2427051711092133391406135002584900014337822e000000ffffffffff0000");
        const string text = "*HQ,2705171109,V1,213324,A,5002.5849,N,01433.7822,E,0.00,000,140613,FFFFFFFF#";
        var buffer = new ReadOnlySequence<byte>([.. binary, .. Ascii(text)]);

        var frames = ReadAll(ref buffer);

        Assert.Equal(2, frames.Count);
        Assert.Equal("unsupported binary frame", _protocol.Decode(frames[0], DeviceSession.Anonymous).Error);
        var point = Assert.Single(_protocol.Decode(frames[1], DeviceSession.Anonymous).Points);
        Assert.Equal(50.043082, point.Latitude, 1e-5);  // 50 + 2.5849/60
        Assert.Equal(14.563037, point.Longitude, 1e-5); // 14 + 33.7822/60
    }
}
