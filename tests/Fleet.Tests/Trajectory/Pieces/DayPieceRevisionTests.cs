using System.Security.Cryptography;
using Fleet.Trajectory.Analysis;
using Fleet.Trajectory.Analysis.Pieces;
using Fleet.Trajectory.Routes;

namespace Fleet.Tests.Trajectory.Pieces;

/// <summary>
/// Stored day pieces are reused while their analysis key matches, so code that changes the answers must bump
/// <see cref="DayRoutes.AnalysisRevision"/>. This pins the encoded piece of one fixed track per revision: when it fails,
/// the analysis (or the codec) changed — bump the revision and add its digest here; never edit an old one.
/// </summary>
public sealed class DayPieceRevisionTests
{
    private static readonly Dictionary<int, string> DigestByRevision = new()
    {
        [1] = "8E37945D60395B0C9BFA551BB57159023C7CD314A0CB416A3BB5AC972212591A",
    };

    [Fact]
    public void Encode_FixedTrack_MatchesTheDigestOfTheCurrentRevision()
    {
        var points = TrackMutations.InsertJump(SyntheticTracks.CityDay(7, odometerStartKm: 12_000).Points, 400, 8);

        var digest = Convert.ToHexString(SHA256.HashData(DayPieceCodec.Encode(DayPieceBuilder.Build(points, 5, TrackAnalysisOptions.Default))));

        Assert.True(
            DigestByRevision.TryGetValue(DayRoutes.AnalysisRevision, out var expected), $"no digest for revision {DayRoutes.AnalysisRevision}: {digest}");
        Assert.Equal(expected, digest);
    }
}
