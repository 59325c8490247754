namespace Fleet.Processing.Workers;

/// <summary>
/// What distinguishes one batch worker from another. <paramref name="MaxBatchesInFlight"/> &gt; 1 lets the next batch be
/// consumed, decoded and enriched while the sinks of earlier ones still run; offsets are still committed in order.
/// </summary>
internal sealed record BatchWorkerSettings(string Name, IReadOnlyList<string> Topics, int MaxBatchSize, TimeSpan MaxBatchAge,
    TimeSpan RetryDelay, int MaxBatchesInFlight = 1);
