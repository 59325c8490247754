namespace Fleet.History;

/// <summary>
/// The history store behind one interface, two implementations (ClickHouse, partitioned PostgreSQL) and one shared
/// contract test suite. Writes are idempotent (at-least-once delivery from Kafka replays batches after a crash);
/// reads return each point once, in device-time order, whatever order and how often it was written.
/// </summary>
public interface IHistoryStore
{
    /// <summary>Creates or upgrades the schema; safe to call on every start, from several instances.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Appends a batch. Returns only once the store has it durably (so the caller may commit offsets).</summary>
    Task WriteAsync(IReadOnlyList<HistoryRecord> batch, CancellationToken cancellationToken);

    /// <summary>Every point of a vehicle with <paramref name="fromTime"/> ≤ device time &lt; <paramref name="toTime"/>, deduplicated, in time order.</summary>
    Task<IReadOnlyList<HistoryRecord>> ReadVehicleAsync(string vehicleId, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken);

    /// <summary>
    /// The points analysis (routes, trips, reports) and the positions endpoint need, cheaper than
    /// <see cref="ReadVehicleAsync"/>: same rows, order and deduplication, but only device time, position, validity,
    /// speed, heading, altitude, satellites, ignition, fuel, odometer and alarm are filled (<see cref="HistoryRecord.DeviceId"/>,
    /// company, attributes and HDOP are empty, server time equals device time).
    /// </summary>
    Task<IReadOnlyList<HistoryRecord>> ReadTrackAsync(string vehicleId, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken);

    /// <summary>
    /// The track rows (<see cref="ReadTrackAsync"/> columns) of many vehicles in one query, grouped by vehicle, for fleet
    /// reports. Cheaper on the server because rows are neither sorted nor deduplicated there: each vehicle's list may be
    /// out of time order and hold a replayed duplicate, so only order- and duplicate-independent consumers (TrackCleaner)
    /// may use it. Vehicles without points are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, List<HistoryRecord>>> ReadFleetTracksAsync(
        IReadOnlyCollection<string> vehicleIds, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken);

    /// <summary>
    /// The track rows of one vehicle for analysis, as value types in one pooled array (dispose the result), sorted by device time. Like
    /// <see cref="ReadFleetTracksAsync"/> the server neither sorts nor deduplicates (the store sorts on a primitive key
    /// after reading): rows with equal times come in no particular order and a replayed duplicate may show, so only
    /// order- and duplicate-independent consumers (TrackCleaner) may use it.
    /// </summary>
    Task<TrackRows> ReadTrackRowsAsync(string vehicleId, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken);

    /// <summary>
    /// One <see cref="DayFingerprint"/> per vehicle and local day (device time in IANA zone <paramref name="timeZone"/>) of the
    /// points with <paramref name="fromTime"/> ≤ device time &lt; <paramref name="toTime"/>; days without points are absent.
    /// Both stores answer the same for the same points; a replayed duplicate not yet merged away may raise a ClickHouse count.
    /// </summary>
    Task<IReadOnlyList<DayFingerprint>> ReadDayFingerprintsAsync(
        IReadOnlyCollection<string> vehicleIds, string timeZone, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken);

    /// <summary>The same by device (including points stored while the device was bound to no vehicle).</summary>
    Task<IReadOnlyList<HistoryRecord>> ReadDeviceAsync(string deviceId, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken);
}
