using System.Buffers;
using CsCheck;
using Fleet.Ingestion.Protocols;
using Fleet.Ingestion.Protocols.Gt06;
using Fleet.Tests.Infrastructure;

namespace Fleet.Tests.Protocols.Gt06;

/// <summary>Property tests: hostile input never throws and never leaves the buffer growing.</summary>
public sealed class Gt06FuzzTests
{
    private static readonly byte[][] RealFrames =
    [
        Convert.FromHexString("78780d01035851102027907501bd521a0d0a"),
        Convert.FromHexString("78781f120f0c080c1036c701df1252086954d300141e01940000100077e501bec31c0d0a"),
        Convert.FromHexString("787822220e0914160f07c9021a362805090a7800d8b802d402c30e00a98a0105010213f4bb0d0a"),
        Convert.FromHexString("7878251610051b0f1c34c5022515d504b5dcd20738080902d4022bdf009cba5006640201006759680d0a"),
        Convert.FromHexString("78780A134506010002068D1EE10D0A"),
        Convert.FromHexString("7979000894000000000338ba0d0a"),
    ];

    /// <summary>Gt06Framing.MaxFrameLength: the GT06 documents cap a packet below 1024 bytes.</summary>
    private const int MaxFrameLength = 1024;

    private static readonly DeviceSession Session = new("358511020279075");

    /// <summary>Frames and decodes everything; returns how many bytes stayed buffered at the end.</summary>
    private static long Drain(byte[] stream, int cut)
    {
        var protocol = new Gt06Protocol();
        var buffer = cut > 0 && cut < stream.Length ? TestSequence.Split(stream, cut) : new ReadOnlySequence<byte>(stream);
        while (protocol.TryReadFrame(ref buffer, out ReadOnlySequence<byte> frame))
        {
            Assert.False(frame.IsEmpty);
            var result = protocol.Decode(frame.ToArray(), Session);
            Assert.All(result.Points, AssertRanges);
        }

        return buffer.Length;
    }

    /// <summary>
    /// PositionAssert.Valid minus its clock check: decoders have no clock by contract, so a mutated date digit
    /// legitimately decodes to e.g. 2055; rejecting future device times is the connection handler's job.
    /// </summary>
    private static void AssertRanges(TelemetryPoint p)
    {
        Assert.InRange(p.Latitude, -90.0, 90.0);
        Assert.InRange(p.Longitude, -180.0, 180.0);
        Assert.True(p.SpeedKmh is null or >= 0);
        Assert.True(p.Heading is null or >= 0 and <= 360);
    }

    [Fact]
    public void Framing_RandomBytes_NeverThrowsAndLeavesLessThanOneFrame() =>
        Gen.Select(Gen.Byte.Array[0, 2048], Gen.Int[0, 2048])
            .Sample((bytes, cut) => Drain(bytes, cut) < MaxFrameLength, iter: 3000);

    [Fact]
    public void Framing_MutatedRealFrames_NeverThrowsAndLeavesLessThanOneFrame() =>
        Gen.Select(Gen.Int[0, RealFrames.Length - 1].Array[1, 6], Gen.Select(Gen.Int, Gen.Byte).Array[0, 4], Gen.Int[0, 300])
            .Sample((picks, mutations, cut) =>
            {
                byte[] stream = [.. picks.SelectMany(i => RealFrames[i])];
                foreach ((int position, byte value) in mutations)
                {
                    stream[(int)((uint)position % stream.Length)] = value;
                }

                return Drain(stream, cut) < MaxFrameLength;
            }, iter: 3000);

    [Fact]
    public void Framing_GarbageWithoutMarkerBytes_ResyncsOnTheNextRealFrame() =>
        Gen.Select(Gen.Byte.Where(b => b is not 0x78 and not 0x79).Array[1, 300], Gen.Int[0, RealFrames.Length - 1])
            .Sample((garbage, pick) =>
            {
                var protocol = new Gt06Protocol();
                var buffer = new ReadOnlySequence<byte>([.. garbage, .. RealFrames[pick]]);
                var frames = new List<byte[]>();
                while (protocol.TryReadFrame(ref buffer, out ReadOnlySequence<byte> frame))
                {
                    frames.Add(frame.ToArray());
                }

                return frames.Count == 2 && frames[1].SequenceEqual(RealFrames[pick]) && buffer.IsEmpty;
            }, iter: 1000);
}
