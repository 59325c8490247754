using System.Security.Cryptography;
using System.Text;
using Fleet.History;
using Fleet.Trajectory.Analysis;
using Fleet.Trajectory.Analysis.Pieces;
using Fleet.Trajectory.Services;
using Fleet.Trajectory.Summaries;

namespace Fleet.Trajectory.Routes;

/// <summary>
/// Routes assembled from day pieces (<see cref="DayPiece"/>) in the vehicle's local days. Whole days come from
/// <c>vehicle_day_route</c> when the stored day fingerprint still matches the history (one fingerprint query and one table
/// read, side by side); other whole days and the partial days at the period's ends are read and analysed, and the whole
/// days among them that have ended are stored. Fingerprints are read before the points, so a point stored meanwhile
/// leaves the new row stale.
/// </summary>
internal sealed class DayRoutes(IHistoryStore store, VehicleDayRouteTable table, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private static readonly TrackAnalysisOptions Options = TrackAnalysisOptions.Default;

    /// <summary>
    /// Bump when the analysis changes its answers: stored pieces of older code are then never read. A test pins the encoded
    /// piece of a fixed track per revision, so a change that forgets the bump fails there.
    /// </summary>
    internal const int AnalysisRevision = 1;

    /// <summary>The piece layout and every analysis setting, hashed: pieces are only reused by the code and settings that made them.</summary>
    public static string AnalysisKey { get; } = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
        $"{AnalysisRevision}|{DayPieceCodec.Version}|{Options}")))[..16];

    public async Task<RouteResult> BuildAsync(VehicleInfo vehicle, Period period, double toleranceMetres, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vehicle);
        ArgumentNullException.ThrowIfNull(period);
        var (ianaId, zone) = SummaryTimeZones.Resolve(vehicle.TimeZone);
        var key = Key(vehicle.Id, ianaId, toleranceMetres);
        var slices = Slices(new LocalCalendar(zone), period);
        var whole = slices.Where(s => s.WholeDay is not null).ToList();
        Dictionary<DateOnly, DayFingerprint> fingerprints = [];
        Dictionary<DateOnly, StoredDayRoute> stored = [];
        if (whole.Count > 0)
        {
            var fingerprintRead = store.ReadDayFingerprintsAsync([vehicle.Id], ianaId, whole[0].From, whole[^1].To, cancellationToken);
            var storedRead = table.ReadAsync(key, whole[0].WholeDay!.Value, whole[^1].WholeDay!.Value.AddDays(1), cancellationToken);
            await Task.WhenAll(fingerprintRead, storedRead);
            fingerprints = (await fingerprintRead).ToDictionary(f => f.LocalDate);
            stored = await storedRead;
        }

        var pieces = new DayPiece[slices.Count];
        var missing = new List<int>();
        for (var i = 0; i < slices.Count; i++)
        {
            if (slices[i].WholeDay is not { } day)
            {
                missing.Add(i);
            }
            else if (!fingerprints.TryGetValue(day, out var fingerprint))
            {
                pieces[i] = DayPiece.Empty;
            }
            else if (stored.TryGetValue(day, out var row) && fingerprint.Matches(row.FingerprintCount, row.FingerprintMaxServerTimeMs))
            {
                pieces[i] = DayPieceCodec.Decode(row.Piece);
            }
            else
            {
                missing.Add(i);
            }
        }

        var fresh = await ComputeAsync(vehicle.Id, slices, missing, pieces, toleranceMetres, cancellationToken);
        // A day still running changes with every point: storing it would only rewrite the row on every request.
        var now = _clock.GetUtcNow();
        fresh.RemoveAll(i => slices[i].To > now);
        await table.UpsertAsync(key, [.. fresh.Select(i => Stored(slices[i].WholeDay!.Value, fingerprints, pieces[i]))], cancellationToken);
        return DayPieceStitcher.Stitch(pieces, Options);
    }

    /// <summary>
    /// Stores the pieces of the whole local days [<paramref name="first"/>, <paramref name="end"/>) of vehicles sharing one zone
    /// whose history changed since they were stored (or that were never stored): one fingerprint query and one table read for
    /// all of them, then one read and analysis per vehicle with stale days. Returns how many vehicle-days were computed.
    /// </summary>
    public async Task<int> WarmAsync(
        IReadOnlyList<VehicleInfo> vehicles, DateOnly first, DateOnly end, double toleranceMetres, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vehicles);
        if (vehicles.Count == 0 || end <= first)
        {
            return 0;
        }

        var (ianaId, zone) = SummaryTimeZones.Resolve(vehicles[0].TimeZone);
        var calendar = new LocalCalendar(zone);
        var settings = Key("", ianaId, toleranceMetres);
        var stale = new List<DayFingerprint>();
        foreach (var chunk in vehicles.Select(v => v.Id).Chunk(WarmBatchSize))
        {
            var fingerprintRead = store.ReadDayFingerprintsAsync(chunk, ianaId, calendar.StartOf(first), calendar.StartOf(end), cancellationToken);
            var storedRead = table.ReadFingerprintsAsync(chunk, settings, first, end, cancellationToken);
            await Task.WhenAll(fingerprintRead, storedRead);
            var stored = await storedRead;
            stale.AddRange((await fingerprintRead).Where(f =>
                !stored.TryGetValue((f.VehicleId, f.LocalDate), out var row) || !f.Matches(row.Count, row.MaxServerTimeMs)));
        }

        await Parallel.ForEachAsync(stale.GroupBy(f => f.VehicleId), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken }, async (days, token) =>
        {
            var byDay = days.ToDictionary(f => f.LocalDate);
            var slices = days.OrderBy(f => f.LocalDate)
                .Select(f => new DaySlice(calendar.StartOf(f.LocalDate), calendar.StartOf(f.LocalDate.AddDays(1)), f.LocalDate)).ToList();
            var pieces = new DayPiece[slices.Count];
            var fresh = await ComputeAsync(days.Key, slices, [.. Enumerable.Range(0, slices.Count)], pieces, toleranceMetres, token);
            await table.UpsertAsync(settings with { VehicleId = days.Key }, [.. fresh.Select(i => Stored(slices[i].WholeDay!.Value, byDay, pieces[i]))], token);
        });
        return stale.Count;
    }

    /// <summary>Drops stored pieces of local days before <paramref name="firstKept"/> (in any zone: a day later or earlier is no matter).</summary>
    public Task<int> ForgetBeforeAsync(DateOnly firstKept, CancellationToken cancellationToken) => table.DeleteBeforeAsync(firstKept, cancellationToken);

    /// <summary>Vehicles per fingerprint query: ClickHouse limits the query text (256 KiB by default).</summary>
    private const int WarmBatchSize = 5000;

    private static DayRouteKey Key(string vehicleId, string ianaId, double toleranceMetres) =>
        new(vehicleId, ianaId, (int)Math.Round(toleranceMetres * 1000), AnalysisKey);

    /// <summary>The period cut at the zone's local midnights.</summary>
    public static List<DaySlice> Slices(LocalCalendar calendar, Period period)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(period);
        var slices = new List<DaySlice>();
        for (var from = period.From; from < period.To;)
        {
            var day = calendar.DayOf(from);
            var (start, end) = (calendar.StartOf(day), calendar.StartOf(day.AddDays(1)));
            var to = end < period.To ? end : period.To;
            slices.Add(new DaySlice(from, to, from == start && to == end ? day : null));
            from = to;
        }

        return slices;
    }

    /// <summary>
    /// Analyses the <paramref name="missing"/> slices into <paramref name="pieces"/>: one store read per run of neighbouring
    /// slices, runs side by side. Returns the whole days among them, which are worth storing.
    /// </summary>
    private async Task<List<int>> ComputeAsync(
        string vehicleId, List<DaySlice> slices, List<int> missing, DayPiece[] pieces, double toleranceMetres, CancellationToken cancellationToken)
    {
        var runs = new List<List<int>>();
        foreach (var i in missing)
        {
            if (runs.Count > 0 && runs[^1][^1] == i - 1 && slices[i - 1].To == slices[i].From)
            {
                runs[^1].Add(i);
            }
            else
            {
                runs.Add([i]);
            }
        }

        await Parallel.ForEachAsync(runs, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (run, token) =>
        {
            using var rows = await store.ReadTrackRowsAsync(vehicleId, slices[run[0]].From, slices[run[^1]].To, token);
            var points = new List<HistoryPoint>[run.Count];
            var all = rows.Span;
            var start = 0;
            for (var k = 0; k < run.Count; k++)
            {
                var (from, to) = (slices[run[k]].From.ToUnixTimeMilliseconds(), slices[run[k]].To.ToUnixTimeMilliseconds());
                while (start < all.Length && all[start].TimeMs < from)
                {
                    start++;
                }

                var end = start;
                while (end < all.Length && all[end].TimeMs < to)
                {
                    end++;
                }

                points[k] = VehicleTracks.ToPoints(all[start..end]);
                start = end;
            }

            // Days are independent: a cold month analyses them on every core.
            Parallel.For(0, run.Count, k => pieces[run[k]] = DayPieceBuilder.Build(points[k], toleranceMetres, Options));
        });
        return [.. missing.Where(i => slices[i].WholeDay is not null)];
    }

    private static StoredDayRoute Stored(DateOnly day, Dictionary<DateOnly, DayFingerprint> fingerprints, DayPiece piece)
    {
        var fingerprint = fingerprints[day];
        return new StoredDayRoute(day, fingerprint.PointCount, fingerprint.MaxServerTimeMs, DayPieceCodec.Encode(piece));
    }
}
