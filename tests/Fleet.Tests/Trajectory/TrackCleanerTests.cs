using Fleet.Trajectory.Analysis;

namespace Fleet.Tests.Trajectory;

public sealed class TrackCleanerTests
{
    private static readonly DateTimeOffset T0 = SyntheticTracks.Morning;

    [Fact]
    public void Clean_InvalidRecords_AreExcludedAndCountedByReason()
    {
        var good = new TrackBuilder(T0, 55.75, 37.61).Straight(50, 100, 90).Points;
        HistoryPoint[] bad =
        [
            good[1] with { Time = T0.AddSeconds(5), Valid = false },
            good[1] with { Time = T0.AddSeconds(15), Lat = 0, Lon = 0 },
            good[1] with { Time = T0.AddSeconds(25), Lat = 91 },
            good[1] with { Time = T0.AddSeconds(35), Lon = double.NaN },
            good[1] with { Time = T0.AddSeconds(45), Speed = -1 },
        ];

        var track = TrackCleaner.Clean([.. good, .. bad]);

        Assert.Equal(good, track.Points.Select(p => p.Point));
        Assert.Equal(1, track.Report.InvalidFix);
        Assert.Equal(1, track.Report.ZeroCoordinates);
        Assert.Equal(3, track.Report.OutOfRange);
        Assert.Equal(good.Count + bad.Length, track.Records.Count);
    }

    [Fact]
    public void Clean_SameTimestampWithInvalidTwin_KeepsTheValidCopyWhateverTheOrder()
    {
        var p = new TrackBuilder(T0, 55.75, 37.61).Straight(50, 20, 90).Points[1];
        var twin = p with { Valid = false, Lat = 0, Lon = 0 };

        var forward = TrackCleaner.Clean([p, twin]);
        var backward = TrackCleaner.Clean([twin, p]);

        Assert.Equal(p, Assert.Single(forward.Points).Point);
        Assert.Equal(p, Assert.Single(backward.Points).Point);
        Assert.Equal(1, backward.Report.Duplicates);
        Assert.Equal(0, backward.Report.InvalidFix);
    }

    [Fact]
    public void Clean_JumpsOfSeveralKilometres_AreDroppedAndGoodPointsKept()
    {
        var builder = SyntheticTracks.CityDay();
        var clean = TrackCleaner.Clean(builder.Points);
        var corrupted = TrackMutations.InsertJump(builder.Points, 250, km: 5);         // single jump during trip 1
        corrupted = TrackMutations.InsertJump(corrupted, 60, km: 8, count: 2);         // two-point cluster while parked
        corrupted = TrackMutations.InsertJump(corrupted, 700, km: 3, bearing: 250);   // another single jump later
        corrupted = TrackMutations.PrependJump(corrupted, km: 6);                       // the very first point is bad

        var track = TrackCleaner.Clean(corrupted);

        Assert.Equal(5, track.Report.Jumps);
        Assert.Equal(0, track.Report.Relocations);
        Assert.Equal(clean.Points.Select(p => p.Point), track.Points.Select(p => p.Point));
        Assert.Equal(clean.DistanceMetres, track.DistanceMetres, 6);
    }

    [Fact]
    public void Clean_FirstTwoPointsBad_AreDroppedInFavourOfTheConfirmedChain()
    {
        var good = new TrackBuilder(T0, 55.75, 37.61).Straight(50, 300, 90).Points;
        var far = Geodesy.Destination(good[0].Lat, good[0].Lon, 0, 4000);
        HistoryPoint[] bad =
        [
            good[0] with { Time = T0.AddSeconds(-20), Lat = far.Lat, Lon = far.Lon },
            good[0] with { Time = T0.AddSeconds(-10), Lat = far.Lat + 1e-5, Lon = far.Lon },
        ];

        var track = TrackCleaner.Clean([.. bad, .. good]);

        Assert.Equal(2, track.Report.Jumps);
        Assert.Equal(good, track.Points.Select(p => p.Point));
    }

    [Fact]
    public void Clean_LongGapWithPlausibleSpeed_IsKept()
    {
        // Parked, device off for 2 h while the car is moved 20 km (10 km/h average): a real relocation, not a jump.
        var builder = new TrackBuilder(T0, 55.75, 37.61, seed: 3)
            .Stop(600).Gap(7200, moveMetres: 20_000, bearing: 70).Stop(600);

        var track = TrackCleaner.Clean(builder.Points);

        Assert.Equal(0, track.Report.Jumps);
        Assert.Equal(builder.Points.Count, track.Points.Count);
        Assert.InRange(track.DistanceMetres, 19_950, 20_050);
    }

    [Fact]
    public void Clean_ConfirmedRelocationWithImpossibleSpeed_IsKeptWithZeroDistanceLeg()
    {
        // A device clock that jumps makes a real 50 km move look like 1500 km/h; both chains are long and stable.
        var builder = new TrackBuilder(T0, 55.75, 37.61, seed: 4).Stop(600).Gap(120, moveMetres: 50_000, bearing: 10).Stop(600);

        var track = TrackCleaner.Clean(builder.Points);

        Assert.Equal(0, track.Report.Jumps);
        Assert.Equal(1, track.Report.Relocations);
        Assert.Equal(builder.Points.Count, track.Points.Count);
        Assert.InRange(track.DistanceMetres, 0, 50);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void Clean_StationaryDriftWithIgnitionOffOrUnknown_AddsNoDistance(bool? ignition)
    {
        var builder = new TrackBuilder(T0, 55.75, 37.61, seed: 11) { StopNoiseMetres = 12 }.Stop(3600, ignition);

        var track = TrackCleaner.Clean(builder.Points);

        Assert.Equal(0, track.DistanceMetres);
        Assert.Equal(builder.Points.Count - 1, track.Report.DriftSuppressed);
    }

    [Fact]
    public void Clean_SameNoiseWithIgnitionOn_IsCountedBecauseTheVehicleMayBeCreeping()
    {
        var builder = new TrackBuilder(T0, 55.75, 37.61, seed: 11) { StopNoiseMetres = 12 }.Stop(3600, ignition: true);

        var track = TrackCleaner.Clean(builder.Points);

        Assert.True(track.DistanceMetres > 1000, $"expected drift to be counted, got {track.DistanceMetres} m");
    }

    [Fact]
    public void Clean_ShuffledAndDuplicatedInput_GivesTheSameTrackAsOrderedInput()
    {
        var points = SyntheticTracks.CityDay().Points;

        var ordered = TrackCleaner.Clean(points);
        var messy = TrackCleaner.Clean(TrackMutations.ShuffleAndDuplicate(points, seed: 5, duplicates: 300));

        Assert.Equal(300, messy.Report.Duplicates);
        Assert.Equal(ordered.Points, messy.Points);
        Assert.Equal(ordered.Records, messy.Records);
    }
}
