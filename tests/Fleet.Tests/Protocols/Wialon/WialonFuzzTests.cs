using System.Buffers;
using System.Text;
using CsCheck;
using Fleet.Ingestion.Protocols;
using Fleet.Ingestion.Protocols.Wialon;
using Fleet.Tests.Infrastructure;

namespace Fleet.Tests.Protocols.Wialon;

public sealed class WialonFuzzTests
{
    private static readonly WialonProtocol Protocol = new(maxFrameLength: 256);
    private static readonly DeviceSession Session = new("123456789012345");

    private static readonly string[] Seeds =
    [
        "#L#2.0;42001300083;;DBEB",
        "#SD#270413;205601;5544.6025;N;03739.6834;E;1;2;3;4",
        "#D#101118;061143;0756.0930;N;12338.6403;E;18.223;99.766;-4.000;10;0.800;NA;NA;NA;NA;101_521347:1:521249,101_521126:1:6593598;F24A",
        "#D#270413;205601;5544.6025;N;03739.6834;E;1;2;3;4;0.0;0;0;14.77,0.02,3.6;NA;count1:1:564,fuel:2:45.8,hw:3:V4.5",
        "#B#080914;073235;5027.50625;N;03026.19321;E;0.700;0.000;NA;4;NA;NA;NA;;NA;x:3:1|080914;073420;5027.50845;N;03026.18854;E;1.996;292.540;NA;4;NA;NA;NA;;NA;y:1:2",
    ];

    [Fact]
    public void Decode_RandomBytes_NeverThrows()
    {
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            CheckResult(Protocol.Decode(bytes, Session));
            CheckResult(Protocol.Decode(bytes, DeviceSession.Anonymous));
        }, iter: 3000);
    }

    [Fact]
    public void Decode_MutatedRealFrames_NeverThrowAndAcceptedPointsAreSane()
    {
        var gen = Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Int[0, 400], Gen.Byte, Gen.Int[0, 2]);
        gen.Sample((seed, position, value, operation) =>
        {
            var bytes = new List<byte>(Encoding.UTF8.GetBytes(Seeds[seed]));
            var at = position % (bytes.Count + 1);
            switch (operation)
            {
                case 0 when at < bytes.Count:
                    bytes[at] = value;
                    break;
                case 1:
                    bytes.Insert(at, value);
                    break;
                default:
                    if (at < bytes.Count)
                    {
                        bytes.RemoveAt(at);
                    }

                    break;
            }

            CheckResult(Protocol.Decode(bytes.ToArray(), Session));
        }, iter: 3000);
    }

    [Fact]
    public void TryReadFrame_RandomStreams_AlwaysProgressAndKeepBoundedRemainder()
    {
        var gen = Gen.Select(Gen.OneOf<byte>(Gen.Byte, Gen.OneOf((byte)'\r', (byte)'\n', (byte)'#')).Array[0, 1200], Gen.Int[1, 50]);
        gen.Sample((bytes, segmentSize) =>
        {
            var buffer = TestSequence.Chunked(bytes, segmentSize);
            while (Protocol.TryReadFrame(ref buffer, out var frame))
            {
                Assert.InRange(frame.Length, 0, Protocol.MaxFrameLength + 1);
                CheckResult(Protocol.Decode(frame.ToArray(), Session));
            }

            // What stays behind is a possible frame start: shorter than a frame plus its terminator.
            Assert.InRange(buffer.Length, 0, Protocol.MaxFrameLength + 1);
        }, iter: 1000);
    }

    private static void CheckResult(DecodeResult result)
    {
        if (result.IsRejected)
        {
            Assert.Null(result.Reply);
            Assert.Empty(result.Points);
            return;
        }

        Assert.NotNull(result.Reply);
        foreach (var point in result.Points)
        {
            // A mutated date may lie in the future: the decoder has no clock to judge that (the pipeline does),
            // so every range but the time is checked here.
            PositionAssert.Valid(point with { DeviceTime = DateTimeOffset.UnixEpoch });
        }
    }
}
