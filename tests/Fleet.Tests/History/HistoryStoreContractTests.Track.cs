using Fleet.History;

namespace Fleet.Tests.History;

/// <summary>The contract of <see cref="IHistoryStore.ReadTrackAsync"/>: the rows of ReadVehicleAsync, projected to the track columns.</summary>
public abstract partial class HistoryStoreContractTests
{
    [Fact]
    public async Task ReadTrack_EveryTrackField_ReadsBackAndOmitsTheRest()
    {
        var full = Point(V("t"), D("t"), T0.AddMilliseconds(7)) with
        {
            CompanyId = "c-1", ServerTime = T0.AddSeconds(2), Lat = -33.868820, Lon = -151.209296, Speed = 87.25,
            Heading = 359.5, Altitude = -12.5, Satellites = 11, Hdop = 0.7, Ignition = true, Fuel = 37.5, Odometer = 120345.2,
            Alarm = "sos 'quoted' ünï", AttributesJson = """{"power":12.6}""",
        };
        var empty = Point(V("t"), D("t"), T0.AddSeconds(1)) with { Valid = false, Ignition = false, Speed = null };

        await Store.WriteAsync([full, empty], Ct);

        var read = await Store.ReadTrackAsync(V("t"), T0.AddHours(-1), T0.AddHours(1), Ct);
        Assert.Equal([AsTrack(full), AsTrack(empty)], read);
    }

    [Fact]
    public async Task ReadTrack_DuplicatesShuffledAcrossBatches_SameRowsAsReadVehicle()
    {
        var points = Enumerable.Range(0, 40).Select(i => Point(V("s"), D("s"), T0.AddSeconds(i * 10)) with { Ignition = i % 3 == 0 }).ToList();
        var shuffled = points.OrderBy(p => (p.DeviceTime.Second * 7919) % 40).ToList();

        await Store.WriteAsync([.. shuffled.Take(25), .. shuffled.Take(5)], Ct);
        await Store.WriteAsync(shuffled.Skip(15).ToList(), Ct);

        var track = await Store.ReadTrackAsync(V("s"), T0, T0.AddHours(1), Ct);
        var full = await Store.ReadVehicleAsync(V("s"), T0, T0.AddHours(1), Ct);
        Assert.Equal(points.Select(AsTrack), track);
        Assert.Equal(full.Select(AsTrack), track);
    }

    [Fact]
    public async Task ReadTrack_RangeBounds_FromInclusiveToExclusive()
    {
        var points = Enumerable.Range(0, 3).Select(i => Point(V("r"), D("r"), T0.AddMilliseconds(500 * i))).ToList();
        await Store.WriteAsync(points, Ct);

        var read = await Store.ReadTrackAsync(V("r"), T0.AddMilliseconds(500), T0.AddMilliseconds(1000), Ct);

        Assert.Equal([AsTrack(points[1])], read);
        Assert.Empty(await Store.ReadTrackAsync(V("r"), T0.AddSeconds(2), T0.AddSeconds(2), Ct));
    }

    /// <summary>What a track read returns for a stored record (test times are whole milliseconds).</summary>
    private static HistoryRecord AsTrack(HistoryRecord r) =>
        r with { DeviceId = "", CompanyId = "", ServerTime = r.DeviceTime, Hdop = null, AttributesJson = "" };
}
