namespace Fleet.Processing.Sinks;

/// <summary>The durable current state (PostgreSQL <c>vehicle_snapshot</c>). Older points never overwrite it.</summary>
internal interface ISnapshotStore
{
    /// <summary>Upserts the latest point of each vehicle of a batch (at most one point per vehicle).</summary>
    Task UpsertAsync(IReadOnlyList<EnrichedPoint> latestPerVehicle, CancellationToken cancellationToken);

    Task MarkOfflineAsync(string vehicleId, CancellationToken cancellationToken);
}
