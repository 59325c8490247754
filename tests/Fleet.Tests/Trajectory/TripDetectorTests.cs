using Fleet.Trajectory.Analysis;

namespace Fleet.Tests.Trajectory;

public sealed class TripDetectorTests
{
    private static readonly DateTimeOffset T0 = SyntheticTracks.Morning;

    [Fact]
    public void Detect_CityDay_FindsEveryTripAndStopWithin60Seconds()
    {
        var builder = SyntheticTracks.CityDay();

        var result = TrackAnalyzer.Analyze(builder.Points);

        TripAssert.Matches(builder.TruthTrips, result.Trips);
        TripAssert.Matches(builder.TruthStops, result.Stops);
    }

    [Fact]
    public void Detect_TripStillRunningAtEndOfData_IsReportedEndingAtLastPoint()
    {
        var builder = SyntheticTracks.CityDay();

        var last = TrackAnalyzer.Analyze(builder.Points).Trips[^1];

        Assert.Equal(builder.Points[^1].Time, last.End);
        Assert.Equal(builder.Points[^1].Lat, last.EndLat);
        Assert.Equal(builder.TruthTrips[^1].Metres / 1000, last.DistanceKm, 0.05);
    }

    [Fact]
    public void Detect_StopAtEndOfData_IsReportedEndingAtLastPoint()
    {
        var builder = SyntheticTracks.CityDay().Stop(1800);

        var result = TrackAnalyzer.Analyze(builder.Points);

        TripAssert.Matches(builder.TruthStops, result.Stops);
        Assert.Equal(4, result.Stops.Count);
        Assert.Equal(builder.Points[^1].Time, result.Stops[^1].End);
    }

    [Fact]
    public void Detect_TrafficLight_IsAbsorbedAndDoesNotDiluteAverageSpeed()
    {
        var builder = new TrackBuilder(T0, 48.8566, 2.3522, seed: 2)
            .Stop(900).Straight(60, 600, 90).Pause(240).Straight(60, 600).Stop(900);

        var trip = Assert.Single(TrackAnalyzer.Analyze(builder.Points).Trips);

        Assert.Equal(1440, trip.DurationS, 60.0);
        Assert.Equal(60, trip.AvgSpeed, 1.0);
        Assert.Equal(60, trip.MaxSpeed);
        Assert.Equal(20, trip.DistanceKm, 0.1);
    }

    [Fact]
    public void Detect_StandstillLongerThanMinParking_SplitsTheTrip()
    {
        var builder = new TrackBuilder(T0, 48.8566, 2.3522, seed: 2)
            .Stop(900).Straight(60, 600, 90).Pause(400).Straight(60, 600).Stop(900);

        var result = TrackAnalyzer.Analyze(builder.Points);

        Assert.Equal(2, result.Trips.Count);
        Assert.Equal(3, result.Stops.Count);
        Assert.Equal(400, result.Stops[1].DurationS, 15.0);
    }

    [Fact]
    public void Detect_IgnitionOffWithSpeedNoise_IsOneStopAndAddsNoDistance()
    {
        // A cheap receiver reports 0..9 km/h while parked; ignition off is trusted over the speed.
        var builder = new TrackBuilder(T0, -33.8688, 151.2093, seed: 5) { StopNoiseMetres = 15 }
            .Straight(50, 600, 0).Stop(3600, ignition: false, maxSpeedNoise: 9).Straight(50, 600, 180);

        var result = TrackAnalyzer.Analyze(builder.Points);

        TripAssert.Matches(builder.TruthTrips, result.Trips);
        TripAssert.Matches(builder.TruthStops, result.Stops);
        Assert.Equal(builder.TruthMetres / 1000, result.Distance.GpsKm, 0.05);
    }

    [Fact]
    public void Detect_DataGapOverOneHour_EndsTheTripAndIsAStop()
    {
        var builder = new TrackBuilder(T0, 40.7128, -74.0060, seed: 8)
            .Straight(60, 900, 0).Gap(5400, moveMetres: 30_000, bearing: 0).Straight(60, 900);

        var result = TrackAnalyzer.Analyze(builder.Points);

        Assert.Equal(2, result.Trips.Count);
        var stop = Assert.Single(result.Stops);
        Assert.Equal(result.Trips[0].End, stop.Start);
        Assert.Equal(result.Trips[1].Start, stop.End);
        Assert.Equal(5410, stop.DurationS, 1.0);
        Assert.Equal(result.Trips[0].EndLat, stop.Lat);
        Assert.Equal(15, result.Trips[0].DistanceKm, 0.05);
        // The first report after the gap comes 10 s into the second leg: 890 s at 60 km/h were observed.
        Assert.Equal(14.833, result.Trips[1].DistanceKm, 0.05);
    }

    [Fact]
    public void Detect_ParkingLotManoeuvre_IsNotATrip()
    {
        var builder = new TrackBuilder(T0, 52.52, 13.405, seed: 4)
            .Stop(1800).Straight(10, 30, 90).Stop(1800);

        var result = TrackAnalyzer.Analyze(builder.Points);

        Assert.Empty(result.Trips);
        var stop = Assert.Single(result.Stops);
        Assert.Equal(builder.Points[0].Time, stop.Start);
        Assert.Equal(builder.Points[^1].Time, stop.End);
    }

    [Fact]
    public void Detect_ParkedDeviceReportingEveryFiveMinutes_EstimatesDepartureAndArrival()
    {
        // The last parked report is 290 s before departure and the first parked report 295 s after arrival;
        // the leg/speed estimate recovers both within seconds where "last/first standing point" would be ~5 min off.
        var builder = new TrackBuilder(T0, 59.3293, 18.0686, seed: 6)
            .Stop(3590, everySeconds: 300).Straight(50, 605, 45).Stop(3600, everySeconds: 300);

        var trip = Assert.Single(TrackAnalyzer.Analyze(builder.Points).Trips);

        Assert.Equal(builder.TruthTrips[0].Start, trip.Start, TimeSpan.FromSeconds(5));
        Assert.Equal(builder.TruthTrips[0].End, trip.End, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Detect_ShortTwitchAtEndOfData_IsNotReportedAsTrip()
    {
        var builder = new TrackBuilder(T0, 52.52, 13.405, seed: 4).Stop(1800).Straight(20, 60, 90);

        var result = TrackAnalyzer.Analyze(builder.Points);

        Assert.Empty(result.Trips);
        Assert.Equal(builder.Points[^1].Time, Assert.Single(result.Stops).End);
    }

    [Fact]
    public void Detect_MinTripDistanceOption_IsHonoured()
    {
        var builder = new TrackBuilder(T0, 52.52, 13.405, seed: 4).Stop(1800).Straight(24, 60, 90).Stop(1800);
        var strict = TrackAnalysisOptions.Default;
        var lenient = strict with { Trips = strict.Trips with { MinTripDistanceMetres = 300 } };

        Assert.Empty(TrackAnalyzer.Analyze(builder.Points, strict).Trips);
        Assert.Equal(0.4, Assert.Single(TrackAnalyzer.Analyze(builder.Points, lenient).Trips).DistanceKm, 0.03);
    }
}
