using Fleet.History;
using Fleet.Trajectory.Analysis;
using Fleet.Trajectory.Services;

namespace Fleet.Trajectory.Summaries;

/// <summary>
/// The fleet summary through <c>vehicle_day_summary</c>. For each time zone whose local midnights bound the period, one
/// fingerprint query finds the vehicle-days with points; a stored row whose fingerprint equals the current one is served,
/// every other vehicle-day is computed in process (the batched fleet read, each local day on its own points) and stored.
/// A whole day is always computed from exactly its own points, so its figures are those of a one-day request whatever
/// period asked for it. Zones the period does not align with take the plain in-process path.
/// </summary>
public sealed class DaySummaryMaterializer(IHistoryStore store, VehicleTracks tracks, VehicleDaySummaryTable table)
{
    /// <summary>Results in the order of <paramref name="vehicles"/>, each vehicle's days ascending.</summary>
    public async Task<IReadOnlyList<DailySummary>[]> SummarizeAsync(
        IReadOnlyList<VehicleInfo> vehicles, Period period, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vehicles);
        ArgumentNullException.ThrowIfNull(period);
        var results = new IReadOnlyList<DailySummary>[vehicles.Count];
        foreach (var zoneGroup in Enumerable.Range(0, vehicles.Count).GroupBy(i => SummaryTimeZones.Resolve(vehicles[i].TimeZone)))
        {
            var members = zoneGroup.ToList();
            var subset = members.Select(i => vehicles[i]).ToList();
            var days = WholeDays(zoneGroup.Key.Zone, period);
            var summaries = days is { } range
                ? await MaterializedAsync(subset, zoneGroup.Key.IanaId, zoneGroup.Key.Zone, range.First, range.End, parallelism, cancellationToken)
                : await tracks.SummarizeFleetAsync(subset, period, parallelism, cancellationToken);
            for (var k = 0; k < members.Count; k++)
            {
                results[members[k]] = summaries[k];
            }
        }

        return results;
    }

    /// <summary>The local days [First, End) when both period ends are local midnights of <paramref name="zone"/>, else null.</summary>
    public static (DateOnly First, DateOnly End)? WholeDays(TimeZoneInfo zone, Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var calendar = new LocalCalendar(zone);
        var first = calendar.DayOf(period.From);
        var end = calendar.DayOf(period.To);
        return calendar.StartOf(first) == period.From && calendar.StartOf(end) == period.To ? (first, end) : null;
    }

    private async Task<IReadOnlyList<DailySummary>[]> MaterializedAsync(
        List<VehicleInfo> vehicles, string ianaId, TimeZoneInfo zone, DateOnly first, DateOnly end, int parallelism, CancellationToken cancellationToken)
    {
        var calendar = new LocalCalendar(zone);
        var ids = vehicles.Select(v => v.Id).ToList();
        // Fingerprints first: a point stored while we compute leaves the stored fingerprint behind, so the next request recomputes.
        // Both reads at once: the table read is independent of the fingerprints and otherwise adds its round trip.
        var fingerprintsRead = FingerprintsAsync(ids, ianaId, calendar.StartOf(first), calendar.StartOf(end), cancellationToken);
        var storedRead = table.ReadAsync(ids, ianaId, first, end, cancellationToken);
        await Task.WhenAll(fingerprintsRead, storedRead);
        var (fingerprints, stored) = (await fingerprintsRead, await storedRead);
        var answers = new Dictionary<(string, DateOnly), DailySummary?>();
        var stale = new List<DayFingerprint>();
        foreach (var fingerprint in fingerprints)
        {
            if (stored.TryGetValue((fingerprint.VehicleId, fingerprint.LocalDate), out var row) &&
                fingerprint.Matches(row.FingerprintCount, row.FingerprintMaxServerTimeMs))
            {
                answers[(fingerprint.VehicleId, fingerprint.LocalDate)] = row.Summary;
            }
            else
            {
                stale.Add(fingerprint);
            }
        }

        foreach (var row in await ComputeAsync(stale, ianaId, zone, parallelism, cancellationToken))
        {
            answers[(row.VehicleId, row.LocalDate)] = row.Summary;
        }

        var byVehicle = answers.Where(a => a.Value is not null).ToLookup(a => a.Key.Item1, a => a.Value!);
        return [.. vehicles.Select(v => (IReadOnlyList<DailySummary>)[.. byVehicle[v.Id].OrderBy(d => d.Day)])];
    }

    /// <summary>At most <see cref="FingerprintBatchSize"/> vehicles per query: ClickHouse limits the query text (256 KiB by default).</summary>
    private async Task<List<DayFingerprint>> FingerprintsAsync(
        List<string> ids, string ianaId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var all = new List<DayFingerprint>();
        foreach (var chunk in ids.Chunk(FingerprintBatchSize))
        {
            all.AddRange(await store.ReadDayFingerprintsAsync(chunk, ianaId, from, to, cancellationToken));
        }

        return all;
    }

    private const int FingerprintBatchSize = 5000;

    private async Task<List<StoredDaySummary>> ComputeAsync(
        List<DayFingerprint> stale, string ianaId, TimeZoneInfo zone, int parallelism, CancellationToken cancellationToken)
    {
        var computed = new List<StoredDaySummary>();
        await Parallel.ForEachAsync(
            stale.GroupBy(f => f.VehicleId).Chunk(VehicleTracks.FleetBatchSize),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                var calendar = new LocalCalendar(zone);
                var from = calendar.StartOf(batch.SelectMany(g => g).Min(f => f.LocalDate));
                var to = calendar.StartOf(batch.SelectMany(g => g).Max(f => f.LocalDate).AddDays(1));
                var rows = await store.ReadFleetTracksAsync([.. batch.Select(g => g.Key)], from, to, token);
                var done = new List<StoredDaySummary>();
                foreach (var vehicle in batch)
                {
                    var byDay = (rows.TryGetValue(vehicle.Key, out var records) ? records : []).GroupBy(r => calendar.DayOf(r.DeviceTime))
                        .ToDictionary(g => g.Key, g => (IReadOnlyList<HistoryRecord>)[.. g]);
                    foreach (var fingerprint in vehicle)
                    {
                        var dayRecords = byDay.TryGetValue(fingerprint.LocalDate, out var found) ? found : [];
                        var summary = VehicleTracks.Summarize(dayRecords, zone).FirstOrDefault(d => d.Day == fingerprint.LocalDate);
                        done.Add(new StoredDaySummary(
                            fingerprint.VehicleId, fingerprint.LocalDate, ianaId, summary, fingerprint.PointCount, fingerprint.MaxServerTimeMs));
                    }
                }

                await table.UpsertAsync(done, token);
                lock (computed)
                {
                    computed.AddRange(done);
                }
            });
        return computed;
    }
}
