using Npgsql;

namespace Fleet.Processing.ReadModel;

/// <summary>Rebuilds the Redis cache from PostgreSQL when Redis lacks it or holds another generation.</summary>
internal sealed partial class ReferenceCacheRebuilder(NpgsqlDataSource dataSource, RedisReferenceCache cache,
    ReadModelReadiness readiness, ILogger<ReferenceCacheRebuilder> logger)
{
    /// <summary>Returns true when a rebuild was needed (and done).</summary>
    public async Task<bool> EnsureAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var expected = await ReadModelSchema.GenerationAsync(connection, cancellationToken);
        if (await cache.GenerationAsync() == expected)
        {
            return false;
        }

        await ReferenceLock.AcquireExclusiveAsync(connection, cancellationToken);
        try
        {
            // Another instance may have rebuilt while this one waited for the lock.
            if (await cache.GenerationAsync() == expected)
            {
                return false;
            }

            readiness.RebuildStarted();
            try
            {
                var snapshot = await ReferenceRepository.LoadAllAsync(connection, cancellationToken);
                await cache.RebuildAsync(snapshot, expected);
                LogRebuilt(logger, expected, snapshot.Companies.Count, snapshot.Drivers.Count, snapshot.Vehicles.Count, snapshot.Devices.Count);
                return true;
            }
            finally
            {
                readiness.RebuildFinished();
            }
        }
        finally
        {
            await ReferenceLock.ReleaseExclusiveAsync(connection);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Rebuilt the Redis reference cache {Generation} from PostgreSQL: {Companies} companies, {Drivers} drivers, {Vehicles} vehicles, {Devices} devices")]
    private static partial void LogRebuilt(ILogger logger, string generation, int companies, int drivers, int vehicles, int devices);
}
