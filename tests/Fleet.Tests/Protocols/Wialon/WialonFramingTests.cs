using System.Buffers;
using System.Text;
using Fleet.Ingestion.Protocols.Wialon;
using Fleet.Tests.Infrastructure;
using static Fleet.Tests.Protocols.Wialon.WialonFrames;

namespace Fleet.Tests.Protocols.Wialon;

public sealed class WialonFramingTests
{
    // Traccar WialonProtocolDecoderTest, v2.0 extended data with a valid crc16.
    private const string TraccarFrame = "#D#101118;061143;0756.0930;N;12338.6403;E;18.223;99.766;-4.000;10;0.800;NA;NA;NA;NA;101_521347:1:521249,101_521126:1:6593598,101_521127:1:774780,101_521072_21.1:1:0,101_521072_21.2:1:71353;F24A";

    [Fact]
    public void TryReadFrame_TwoFramesInOneBuffer_ReturnsEachWithoutTerminator()
    {
        var buffer = new ReadOnlySequence<byte>("#L#2002;NA\r\n#P#\r\n#SD#"u8.ToArray());

        Assert.True(Protocol.TryReadFrame(ref buffer, out var first));
        Assert.Equal("#L#2002;NA", Encoding.ASCII.GetString(first.ToArray()));
        Assert.True(Protocol.TryReadFrame(ref buffer, out var second));
        Assert.Equal("#P#", Encoding.ASCII.GetString(second.ToArray()));
        Assert.False(Protocol.TryReadFrame(ref buffer, out _));
        Assert.Equal("#SD#", Encoding.ASCII.GetString(buffer.ToArray()));
    }

    [Fact]
    public void TryReadFrame_FrameSplitAcrossSegments_DecodesLikeContiguous()
    {
        var bytes = Encoding.ASCII.GetBytes(TraccarFrame + "\r\n");
        var split = TestSequence.Chunked(bytes, 7);
        Assert.False(split.IsSingleSegment);

        Assert.True(Protocol.TryReadFrame(ref split, out var frame));
        Assert.True(split.IsEmpty);
        var fromSegments = Protocol.Decode(frame.ToArray(), LoggedIn());
        var contiguous = Decode(TraccarFrame);
        Assert.Equal("#AD#1\r\n", Text(fromSegments.Reply));
        Assert.Equal(contiguous.Points[0], fromSegments.Points[0] with { Attributes = contiguous.Points[0].Attributes });
        Assert.Equal(contiguous.Points[0].Attributes, fromSegments.Points[0].Attributes);
    }

    [Fact]
    public void TryReadFrame_TerminatorSplitBetweenSegments_Found()
    {
        var buffer = TestSequence.Create("#P#\r"u8.ToArray(), "\n"u8.ToArray());

        Assert.True(Protocol.TryReadFrame(ref buffer, out var frame));
        Assert.Equal("#P#", Encoding.ASCII.GetString(frame.ToArray()));
        Assert.True(buffer.IsEmpty);
    }

    [Theory]
    [InlineData("#D#101118;061143;0756.0930;N;12338")]
    [InlineData("#P#\r")]
    [InlineData("#P#\n")]
    public void TryReadFrame_PartialFrame_ReturnsFalseAndLeavesBuffer(string partial)
    {
        var bytes = Encoding.ASCII.GetBytes(partial);
        var buffer = TestSequence.Chunked(bytes, 5);
        var before = buffer;

        Assert.False(Protocol.TryReadFrame(ref buffer, out _));
        Assert.Equal(before.Start, buffer.Start);
        Assert.Equal(before.End, buffer.End);
        Assert.Equal(bytes, buffer.ToArray());
    }

    [Fact]
    public void TryReadFrame_NoTerminatorPastMaximum_ReturnsOverlongFrameThatDecodeClosesOn()
    {
        var protocol = new WialonProtocol(maxFrameLength: 64);
        var buffer = new ReadOnlySequence<byte>(Enumerable.Repeat((byte)'A', 200).ToArray());

        Assert.True(protocol.TryReadFrame(ref buffer, out var frame));
        Assert.Equal(65, frame.Length);
        Assert.Equal(135, buffer.Length);
        var result = protocol.Decode(frame.ToArray(), LoggedIn());
        Assert.True(result.IsRejected);
        Assert.True(result.CloseConnection);
        Assert.Null(result.Reply);
    }

    [Fact]
    public void TryReadFrame_OneByteBelowDecisionPoint_WaitsForMore()
    {
        // 65 bytes may still be a 64-byte frame whose CRLF has not fully arrived.
        var protocol = new WialonProtocol(maxFrameLength: 64);
        var buffer = new ReadOnlySequence<byte>(Enumerable.Repeat((byte)'A', 65).ToArray());

        Assert.False(protocol.TryReadFrame(ref buffer, out _));
        Assert.Equal(65, buffer.Length);
    }

    [Fact]
    public void TryReadFrame_FrameOfExactlyMaximum_Accepted()
    {
        var protocol = new WialonProtocol(maxFrameLength: 64);
        var line = "#P#" + new string('x', 61);
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(line + "\r\n"));

        Assert.True(protocol.TryReadFrame(ref buffer, out var frame));
        Assert.Equal(64, frame.Length);
        Assert.False(protocol.Decode(frame.ToArray(), LoggedIn()).CloseConnection);
    }
}
