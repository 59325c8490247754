namespace Fleet.Processing.Sinks;

/// <summary>The live state for the map (Redis <c>fleet:state</c> and geo sets). Older points never move it back.</summary>
internal interface ICurrentStateStore
{
    /// <summary>Upserts the latest point of each vehicle of a batch (at most one point per vehicle).</summary>
    Task UpsertAsync(IReadOnlyList<EnrichedPoint> latestPerVehicle);
}
