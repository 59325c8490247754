using System.Buffers;
using System.Text;
using CsCheck;
using Fleet.Ingestion.Protocols;
using Fleet.Ingestion.Protocols.H02;
using Fleet.Tests.Infrastructure;

namespace Fleet.Tests.Protocols.H02;

/// <summary>Property tests: hostile input never throws and never leaves the buffer growing.</summary>
public sealed class H02FuzzTests
{
    /// <summary>H02Framing.MaxFrameLength.</summary>
    private const int MaxFrameLength = 1024;

    private static readonly byte[][] RealFrames =
    [
        .. new[]
        {
            "*HQ,4210051415,V1,164549,A,0956.3869,N,08406.7068,W,000.00,000,221215,FFFFFBFF,712,01,0,0,6#",
            "*HQ,1451316409,V1,030149,A,-23-29.0095,S,-46-51.5852,W,2.4,065,070315,FFFFFFFF#",
            "*TH,2020916012,V4,S17,130305,050316,A,2212.8745,N,11346.6574,E,14.28,028,220902,FFFFFBFF#\r\n",
            "*HQ,4109179024,V19,181519,V,3853.2587,S,06205.9175,W,000.00,000,090217,,5492932630888,8954315265044716555?,FFFFFBFF#",
            "*HQ,1700086468,LINK,180902,15,0,84,0,0,240517,FFFFFBFF#",
            "*HQ,135790246811220,HTBT,100#",
        }.Select(Encoding.ASCII.GetBytes),
        Convert.FromHexString("2427051711092133391406135002584900014337822e000000ffffffffff0000"),
    ];

    private static long Drain(byte[] stream, int cut)
    {
        var protocol = new H02Protocol();
        var buffer = cut > 0 && cut < stream.Length ? TestSequence.Split(stream, cut) : new ReadOnlySequence<byte>(stream);
        while (protocol.TryReadFrame(ref buffer, out ReadOnlySequence<byte> frame))
        {
            Assert.False(frame.IsEmpty);
            var result = protocol.Decode(frame.ToArray(), DeviceSession.Anonymous);
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
        Gen.Select(Gen.Byte.Array[0, 3000], Gen.Int[0, 3000])
            .Sample((bytes, cut) => Drain(bytes, cut) < MaxFrameLength, iter: 3000);

    [Fact]
    public void Framing_RandomTextFromFrameAlphabet_NeverThrowsAndLeavesLessThanOneFrame() =>
        Gen.Select(Gen.Char["*#,.-ABNSEWVHQ0123456789 "].Array[0, 2000], Gen.Int[0, 2000])
            .Sample((chars, cut) => Drain(Encoding.ASCII.GetBytes(chars), cut) < MaxFrameLength, iter: 3000);

    [Fact]
    public void Framing_MutatedRealFrames_NeverThrowsAndLeavesLessThanOneFrame() =>
        Gen.Select(Gen.Int[0, RealFrames.Length - 1].Array[1, 6], Gen.Select(Gen.Int, Gen.Byte).Array[0, 4], Gen.Int[0, 600])
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
    public void Framing_GarbageWithoutStartBytes_ResyncsOnTheNextTextFrame() =>
        Gen.Select(Gen.Byte.Where(b => b is not (byte)'*' and not (byte)'$').Array[1, 300], Gen.Int[0, 5])
            .Sample((garbage, pick) =>
            {
                var protocol = new H02Protocol();
                var buffer = new ReadOnlySequence<byte>([.. garbage, .. RealFrames[pick]]);
                var results = new List<DecodeResult>();
                while (protocol.TryReadFrame(ref buffer, out ReadOnlySequence<byte> frame))
                {
                    results.Add(protocol.Decode(frame.ToArray(), DeviceSession.Anonymous));
                }

                // The real frame (and, for the V4 sample, its trailing line break) must come out decodable.
                return buffer.IsEmpty && results.Exists(r => r.DeviceId is not null);
            }, iter: 1000);
}
