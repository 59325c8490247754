using Fleet.History;

namespace Fleet.Tests.History;

/// <summary>
/// The contract every <see cref="IHistoryStore"/> must keep, run once per implementation on its real server. Each test
/// uses its own vehicle/device ids so tests of one class share the migrated table without seeing each other.
/// </summary>
public abstract partial class HistoryStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 14, 10, 0, 0, 250, TimeSpan.Zero);
    private readonly List<IDisposable> _stores = [];
    private readonly string _id = Guid.NewGuid().ToString("N")[..8];

    protected IHistoryStore Store { get; private set; } = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A store on the fixture's database using <paramref name="table"/>.</summary>
    protected abstract IHistoryStore CreateStore(string table);

    public async ValueTask InitializeAsync()
    {
        Store = Track(CreateStore("history_points"));
        await Store.MigrateAsync(Ct);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Write_EveryFieldSet_ReadsBackEqual()
    {
        var full = Point(V("v"), D("d"), T0.AddMilliseconds(7)) with
        {
            CompanyId = "c-1", ServerTime = T0.AddSeconds(2).AddMilliseconds(123), Lat = -33.868820, Lon = -151.209296,
            Valid = true, Speed = 87.25, Heading = 359.5, Altitude = -12.5, Satellites = 11, Hdop = 0.7, Ignition = true,
            Fuel = 37.5, Odometer = 120345.2, Alarm = "sos 'quoted' \\ tab\t ünï", AttributesJson = """{"power":12.6,"note":"a\tb\nc"}""",
        };
        var empty = Point(V("v"), D("d"), T0.AddSeconds(1)) with { Valid = false, Ignition = false, Speed = null };

        await Store.WriteAsync([full, empty], Ct);

        var read = await Store.ReadVehicleAsync(V("v"), T0.AddHours(-1), T0.AddHours(1), Ct);
        Assert.Equal([full, empty], read);
        Assert.Null(read[1].Speed);
        Assert.Null(read[1].Satellites);
        Assert.False(read[1].Ignition);
    }

    [Fact]
    public async Task Write_DuplicatesInBatchAndAcrossBatches_StoredOnce()
    {
        var points = Enumerable.Range(0, 20).Select(i => Point(V("v"), D("d"), T0.AddSeconds(i * 10))).ToList();

        await Store.WriteAsync([.. points, .. points.Take(5)], Ct);
        await Store.WriteAsync(points, Ct);
        await Store.WriteAsync(points.Skip(10).ToList(), Ct);

        var read = await Store.ReadVehicleAsync(V("v"), T0, T0.AddHours(1), Ct);
        Assert.Equal(points, read);
        Assert.Equal(points, await Store.ReadDeviceAsync(D("d"), T0, T0.AddHours(1), Ct));
    }

    [Fact]
    public async Task Write_ShuffledAcrossBatchesAndDays_ReadsInTimeOrder()
    {
        // Crosses a day and a month boundary so several partitions are involved on both stores.
        var start = new DateTimeOffset(2024, 5, 31, 23, 50, 0, TimeSpan.Zero);
        var points = Enumerable.Range(0, 120).Select(i => Point(V("v"), D("d"), start.AddSeconds(i * 10).AddMilliseconds(i % 7))).ToList();
        var shuffled = points.OrderBy(_ => Random.Shared.Next()).ToList();

        foreach (var chunk in shuffled.Chunk(25))
        {
            await Store.WriteAsync(chunk, Ct);
        }

        Assert.Equal(points, await Store.ReadVehicleAsync(V("v"), start, start.AddDays(1), Ct));
    }

    [Fact]
    public async Task Read_RangeBounds_FromInclusiveToExclusive()
    {
        var times = new[] { T0, T0.AddMilliseconds(500), T0.AddSeconds(1), T0.AddSeconds(1).AddMilliseconds(1), T0.AddSeconds(2) };
        await Store.WriteAsync(times.Select(t => Point(V("v"), D("d"), t)).ToList(), Ct);

        var read = await Store.ReadVehicleAsync(V("v"), T0.AddMilliseconds(500), T0.AddSeconds(2), Ct);

        Assert.Equal(times[1..4], read.Select(r => r.DeviceTime));
        Assert.Empty(await Store.ReadVehicleAsync(V("v"), T0.AddSeconds(2), T0.AddSeconds(2), Ct));
        Assert.Single(await Store.ReadVehicleAsync(V("v"), T0.AddSeconds(1), T0.AddSeconds(1).AddMilliseconds(1), Ct));
    }

    [Fact]
    public async Task ReadDevice_UnboundPoints_ReadableByDeviceOnly()
    {
        var unbound = Enumerable.Range(0, 3).Select(i => Point(HistoryRecord.UnboundVehicle, D("d"), T0.AddSeconds(i))).ToList();
        var bound = Point(V("v"), D("d"), T0.AddSeconds(10));
        var otherDevice = Point(V("v"), D("other"), T0.AddSeconds(10));

        await Store.WriteAsync([.. unbound, bound, otherDevice], Ct);

        Assert.Equal([.. unbound, bound], await Store.ReadDeviceAsync(D("d"), T0, T0.AddMinutes(1), Ct));
        Assert.Equal([bound, otherDevice], await Store.ReadVehicleAsync(V("v"), T0, T0.AddMinutes(1), Ct));
    }

    [Fact]
    public async Task Write_SubMillisecondTime_KeptAsWholeMillisecondsAndStillOnePoint()
    {
        var precise = Point(V("v"), D("d"), T0.AddTicks(4_321));
        var sameMillisecond = precise with { DeviceTime = T0.AddTicks(9_000) };

        await Store.WriteAsync([precise], Ct);
        await Store.WriteAsync([sameMillisecond], Ct);

        var read = Assert.Single(await Store.ReadVehicleAsync(V("v"), T0, T0.AddSeconds(1), Ct));
        Assert.Equal(T0, read.DeviceTime);
    }

    [Fact]
    public async Task Write_SameTimeTwoDevices_BothStored()
    {
        var a = Point(V("v"), D("a"), T0);
        var b = Point(V("v"), D("b"), T0) with { Lat = 1 };

        await Store.WriteAsync([b, a], Ct);

        Assert.Equal([a, b], await Store.ReadVehicleAsync(V("v"), T0, T0.AddSeconds(1), Ct));
    }

    [Fact]
    public async Task Migrate_TwiceAndConcurrently_KeepsDataAndWorks()
    {
        var before = Point(V("v"), D("d"), T0);
        await Store.WriteAsync([before], Ct);

        await Store.MigrateAsync(Ct);
        var table = "history_mig_" + _id;
        var fresh = Enumerable.Range(0, 3).Select(_ => Track(CreateStore(table))).ToList();
        await Task.WhenAll(fresh.Select(s => s.MigrateAsync(Ct)));
        await fresh[0].MigrateAsync(Ct);

        var after = Point(V("v"), D("d"), T0.AddSeconds(1));
        await Store.WriteAsync([after], Ct);
        await fresh[1].WriteAsync([before], Ct);
        Assert.Equal([before, after], await Store.ReadVehicleAsync(V("v"), T0, T0.AddMinutes(1), Ct));
        Assert.Equal([before], await fresh[2].ReadVehicleAsync(V("v"), T0, T0.AddMinutes(1), Ct));
    }

    private IHistoryStore Track(IHistoryStore store)
    {
        if (store is IDisposable disposable)
        {
            _stores.Add(disposable);
        }

        return store;
    }

    private string V(string name) => $"veh-{name}-{_id}";

    private string D(string name) => $"dev-{name}-{_id}";

    private static HistoryRecord Point(string vehicleId, string deviceId, DateTimeOffset time) => new()
    {
        VehicleId = vehicleId,
        DeviceId = deviceId,
        DeviceTime = time,
        ServerTime = time.AddSeconds(1),
        Lat = 55.75 + (time.Second * 1e-4),
        Lon = 37.61,
        Speed = 40,
    };
}
