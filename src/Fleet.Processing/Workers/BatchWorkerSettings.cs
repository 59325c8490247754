namespace Fleet.Processing.Workers;

/// <summary>What distinguishes one batch worker from another.</summary>
internal sealed record BatchWorkerSettings(string Name, IReadOnlyList<string> Topics, int MaxBatchSize, TimeSpan MaxBatchAge, TimeSpan RetryDelay);
