using Fleet.History;

namespace Fleet.Tests.History;

/// <summary>The contract of <see cref="IHistoryStore.ReadTrackRowsAsync"/>: the track columns as value rows, time-sorted, duplicates allowed.</summary>
public abstract partial class HistoryStoreContractTests
{
    [Fact]
    public async Task ReadTrackRows_EveryTrackField_ReadsBackAsRows()
    {
        var full = Point(V("w"), D("w"), T0.AddMilliseconds(7)) with
        {
            Lat = -33.868820, Lon = -151.209296, Speed = 87.25, Heading = 359.5, Altitude = -12.5, Satellites = 11,
            Ignition = true, Fuel = 37.5, Odometer = 120345.2, Alarm = "sos 'quoted' ünï",
        };
        var empty = Point(V("w"), D("w"), T0.AddSeconds(1)) with
        {
            Valid = false, Ignition = false, Speed = null, Heading = null, Altitude = null, Satellites = null, Fuel = null, Odometer = null,
        };
        var unknown = Point(V("w"), D("w"), T0.AddSeconds(2)) with { Ignition = null, Satellites = -3 };

        await Store.WriteAsync([unknown, full, empty], Ct);

        var rows = await ReadRowsAsync(V("w"), T0.AddHours(-1), T0.AddHours(1), Ct);
        Assert.Equal([AsRow(full), AsRow(empty), AsRow(unknown)], rows);
    }

    [Fact]
    public async Task ReadTrackRows_DuplicatesShuffledAcrossBatches_TimeSortedAndReadTrackOnceDeduplicated()
    {
        var points = Enumerable.Range(0, 300).Select(i => Point(V("o"), D("o"), T0.AddSeconds(i * 10).AddMilliseconds(i % 5)) with
        {
            Ignition = i % 3 == 0, Alarm = i % 50 == 0 ? "overspeed" : "",
        }).ToList();
        var shuffled = points.OrderBy(p => (p.DeviceTime.Second * 7919 + p.DeviceTime.Minute) % 97).ToList();
        await Store.WriteAsync([.. shuffled.Take(200), .. shuffled.Take(20)], Ct);
        await Store.WriteAsync(shuffled.Skip(150).ToList(), Ct);

        var rows = await ReadRowsAsync(V("o"), T0, T0.AddHours(2), Ct);

        Assert.True(rows.Zip(rows.Skip(1)).All(pair => pair.First.TimeMs <= pair.Second.TimeMs), "rows are in time order");
        var track = await Store.ReadTrackAsync(V("o"), T0, T0.AddHours(2), Ct);
        Assert.Equal(track.Select(AsRow), rows.DistinctBy(r => r.TimeMs));
        Assert.Equal(points.Select(AsRow), rows.DistinctBy(r => r.TimeMs));
    }

    [Fact]
    public async Task ReadTrackRows_RangeBoundsAndOtherVehicles_FromInclusiveToExclusive()
    {
        var points = Enumerable.Range(0, 3).Select(i => Point(V("b"), D("b"), T0.AddMilliseconds(500 * i))).ToList();
        await Store.WriteAsync([.. points, Point(V("b2"), D("b2"), T0.AddMilliseconds(500))], Ct);

        var read = await ReadRowsAsync(V("b"), T0.AddMilliseconds(500), T0.AddMilliseconds(1000), Ct);

        Assert.Equal([AsRow(points[1])], read);
        Assert.Empty(await ReadRowsAsync(V("b"), T0.AddSeconds(2), T0.AddSeconds(2), Ct));
        Assert.Empty(await ReadRowsAsync(V("none"), T0, T0.AddHours(1), Ct));
    }

    [Fact]
    public async Task ReadTrackRows_AfterALargerResultWasReturned_OnlyItsOwnRows()
    {
        var many = Enumerable.Range(0, 500).Select(i => Point(V("big"), D("big"), T0.AddSeconds(i)) with { Alarm = "sos" }).ToList();
        var one = Point(V("small"), D("small"), T0.AddSeconds(3));
        await Store.WriteAsync([.. many, one], Ct);
        using (var big = await Store.ReadTrackRowsAsync(V("big"), T0, T0.AddHours(1), Ct))
        {
            Assert.Equal(500, big.Count);
        }

        using var small = await Store.ReadTrackRowsAsync(V("small"), T0, T0.AddHours(1), Ct);

        Assert.Equal([AsRow(one)], small.Span.ToArray());
    }

    /// <summary>The rows copied out of the pooled result, which is returned at once.</summary>
    private async Task<TrackRow[]> ReadRowsAsync(string vehicleId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        using var rows = await Store.ReadTrackRowsAsync(vehicleId, from, to, ct);
        Assert.Equal(rows.Count, rows.Span.Length);
        return rows.Span.ToArray();
    }

    private static TrackRow AsRow(HistoryRecord r) => new(
        r.DeviceTime.ToUnixTimeMilliseconds(), r.Lat, r.Lon, r.Valid, r.Speed, r.Heading, r.Altitude, r.Satellites, r.Ignition,
        r.Fuel, r.Odometer, r.Alarm);
}
