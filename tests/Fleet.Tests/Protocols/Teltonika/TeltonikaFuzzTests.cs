using System.Buffers;
using System.Buffers.Binary;
using CsCheck;
using Fleet.Ingestion.Protocols;
using Fleet.Ingestion.Protocols.Teltonika;
using Fleet.Tests.Infrastructure;
using static Fleet.Tests.Protocols.Teltonika.TeltonikaSamples;

namespace Fleet.Tests.Protocols.Teltonika;

/// <summary>Property tests: random and mutated input never throws, always makes progress and stays bounded.</summary>
public sealed class TeltonikaFuzzTests
{
    /// <summary>Largest prefix framing may legitimately keep waiting on: header + capped data + CRC.</summary>
    private const int MaxRetainedBytes = 8 + (64 * 1024) + 4;

    private static readonly DeviceSession LoggedIn = new("356307042441013");
    private static readonly TeltonikaProtocol Protocol = new();
    private static readonly TeltonikaUdpDecoder UdpDecoder = new();

    private static readonly string[] TcpSamples =
    [
        WikiLogin, WikiCodec8, WikiCodec8TwoRecords, WikiCodec8Extended, WikiCodec16, TraccarCodec8Vienna,
        TraccarCodec8JakartaSouth, TraccarCodec8ExtendedCapeTownSouth, TraccarCodec8ExtendedVinAndDtc,
        TraccarCodec8ExtendedBeacons, ConstructedCodec8BuenosAires,
    ];

    /// <summary>Random bytes, and random bytes behind each real frame start so deeper branches get reached.</summary>
    private static readonly Gen<byte[]> StreamGen = Gen.OneOf(
        Gen.Byte.Array[0, 400],
        Gen.Byte.Array[0, 400].Select(tail => (byte[])[0, 0, 0, 0, 0, 0, 0, (byte)tail.Length, .. tail]),
        Gen.Byte.Array[0, 40].Select(tail => (byte[])[0, 0x0F, .. tail]),
        Gen.Byte.Array[0, 40].Select(tail => (byte[])[0xFF, .. tail]));

    private static readonly Gen<byte[]> MutatedSampleGen =
        Gen.Select(Gen.OneOf(TcpSamples), Gen.Int[0, 3], Gen.Int, Gen.Byte, (hex, mode, position, value) =>
            Mutate(Bytes(hex), mode, position, value));

    [Fact]
    public void TryReadFrameAndDecode_RandomSegmentedStreams_NeverThrowAndAlwaysProgress()
    {
        Gen.Select(StreamGen, Gen.Int[1, 16]).Sample((stream, segmentSize) =>
        {
            var buffer = TestSequence.Chunked(stream, segmentSize);
            DrainAndDecode(ref buffer);
            Assert.True(buffer.Length <= MaxRetainedBytes);
        }, iter: 3000);
    }

    [Fact]
    public void TryReadFrame_LongRandomStream_RetainsAtMostOneMaximalFrame()
    {
        Gen.Byte.Array[70_000, 90_000].Sample(stream =>
        {
            var buffer = new ReadOnlySequence<byte>(stream);
            DrainAndDecode(ref buffer);
            Assert.True(buffer.Length <= MaxRetainedBytes, $"{buffer.Length} bytes retained");
        }, iter: 20);
    }

    [Fact]
    public void Decode_MutatedRealPackets_NeverThrowAndAcknowledgeOnlyWhatTheyReturn()
    {
        MutatedSampleGen.Sample(frame =>
        {
            CheckTcpInvariants(Protocol.Decode(frame, LoggedIn));
            Protocol.Decode(frame, DeviceSession.Anonymous);
            var buffer = new ReadOnlySequence<byte>(frame);
            DrainAndDecode(ref buffer);
        }, iter: 5000);
    }

    [Fact]
    public void Decode_MutatedAvlDataWithValidCrc_NeverThrowsAndKeepsRanges()
    {
        // Re-wrapping with a fresh CRC gets mutations past the checksum into the record parser.
        var avlSamples = TcpSamples.Where(h => h != WikiLogin).Select(h => TeltonikaPacketBuilder.AvlData(Bytes(h))).ToArray();
        Gen.Select(Gen.OneOf(avlSamples), Gen.Int[0, 3], Gen.Int, Gen.Byte, (data, mode, position, value) =>
                Mutate(data, mode, position, value))
            .Sample(data => CheckTcpInvariants(Protocol.Decode(TeltonikaPacketBuilder.TcpFrame(data), LoggedIn)), iter: 5000);
    }

    [Fact]
    public void Decode_RandomAvlDataWithValidCrc_NeverThrows()
    {
        Gen.Select(Gen.OneOf<byte>(0x08, 0x8E, 0x10, 0x0C), Gen.Byte[1, 3], Gen.Byte.Array[0, 300])
            .Sample((codec, count, body) =>
            {
                byte[] data = [codec, count, .. body, count];
                CheckTcpInvariants(Protocol.Decode(TeltonikaPacketBuilder.TcpFrame(data), LoggedIn));
            }, iter: 3000);
    }

    [Fact]
    public void UdpDecode_RandomAndMutatedDatagrams_NeverThrowAndAckMatchesPoints()
    {
        var udpSamples = new[] { WikiUdpCodec8, WikiUdpCodec8Extended };
        var gen = Gen.OneOf(
            Gen.Byte.Array[0, 200],
            Gen.Select(Gen.OneOf(udpSamples), Gen.Int[0, 3], Gen.Int, Gen.Byte, (hex, mode, position, value) =>
                Mutate(Bytes(hex), mode, position, value)));
        gen.Sample(datagram =>
        {
            var result = UdpDecoder.Decode(datagram);
            if (!result.IsRejected)
            {
                Assert.NotNull(result.Reply);
                Assert.Equal(7, result.Reply.Length);
                Assert.Equal(result.Points.Count, result.Reply[6]);
                Assert.All(result.Points, CheckRanges);
            }
            else
            {
                Assert.Null(result.Reply);
            }
        }, iter: 5000);
    }

    private static void DrainAndDecode(ref ReadOnlySequence<byte> buffer)
    {
        while (true)
        {
            var before = buffer.Length;
            if (!Protocol.TryReadFrame(ref buffer, out var frame))
            {
                return;
            }

            Assert.True(frame.Length > 0, "empty frame");
            Assert.Equal(before - frame.Length, buffer.Length);
            var bytes = frame.ToArray();
            CheckTcpInvariants(Protocol.Decode(bytes, LoggedIn));
            Protocol.Decode(bytes, DeviceSession.Anonymous);
        }
    }

    private static void CheckTcpInvariants(DecodeResult result)
    {
        if (result.IsRejected || result.IsLogin || result.Reply is null)
        {
            Assert.Empty(result.Points);
            return;
        }

        Assert.Equal(result.Points.Count, BinaryPrimitives.ReadInt32BigEndian(result.Reply));
        Assert.All(result.Points, CheckRanges);
    }

    private static void CheckRanges(TelemetryPoint point)
    {
        Assert.InRange(point.Latitude, -90.0, 90.0);
        Assert.InRange(point.Longitude, -180.0, 180.0);
        Assert.InRange(point.Heading ?? 0, 0.0, 360.0);
        Assert.True(point.SpeedKmh >= 0);
    }

    /// <summary>0: flip a byte, 1: truncate, 2: insert a byte, 3: overwrite a byte.</summary>
    private static byte[] Mutate(byte[] original, int mode, int position, byte value)
    {
        var bytes = (byte[])original.Clone();
        var index = (int)((uint)position % (uint)bytes.Length);
        return mode switch
        {
            0 => Flip(bytes, index, value),
            1 => bytes[..index],
            2 => [.. bytes[..index], value, .. bytes[index..]],
            _ => Overwrite(bytes, index, value),
        };
    }

    private static byte[] Flip(byte[] bytes, int index, byte mask)
    {
        bytes[index] ^= mask == 0 ? (byte)1 : mask;
        return bytes;
    }

    private static byte[] Overwrite(byte[] bytes, int index, byte value)
    {
        bytes[index] = value;
        return bytes;
    }
}
