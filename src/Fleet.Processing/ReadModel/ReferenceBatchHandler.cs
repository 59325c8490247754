using System.Text.Json;
using Confluent.Kafka;
using Fleet.Contracts.Events;
using Fleet.Processing.Sinks;
using Fleet.Processing.Workers;
using Npgsql;

namespace Fleet.Processing.ReadModel;

/// <summary>
/// Applies <c>company/driver/vehicle/device.updated</c> in order: PostgreSQL (versioned) first, then Redis copied from
/// PostgreSQL's resulting row. Bad JSON goes to the DLQ. Holds the shared reference lock so a rebuild cannot interleave.
/// </summary>
internal sealed partial class ReferenceBatchHandler(NpgsqlDataSource dataSource, RedisReferenceCache cache,
    DeadLetterPublisher deadLetters, ILogger<ReferenceBatchHandler> logger) : IBatchHandler
{
    public async Task HandleAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ReferenceLock.AcquireSharedAsync(connection, cancellationToken);
        try
        {
            foreach (var result in batch)
            {
                var kind = ReferenceKinds.FromTopic(result.Topic);
                if (Parse(kind, result, out var id, out var entity) is { } reason)
                {
                    await deadLetters.SendAsync(result, reason, cancellationToken);
                    continue;
                }

                var applied = await ReferenceRepository.ApplyAsync(connection, kind, id, entity, cancellationToken);
                var current = await ReferenceRepository.LoadAsync(connection, kind, id, cancellationToken);
                await cache.SyncAsync(kind, id, current);
                LogApplied(logger, kind, id, entity is null, applied);
            }
        }
        finally
        {
            await ReferenceLock.ReleaseSharedAsync(connection);
        }
    }

    private static string? Parse(ReferenceKind kind, ConsumeResult<string, byte[]> result, out string id, out object? entity)
    {
        id = result.Message.Key ?? "";
        entity = null;
        if (result.Message.Value is null)
        {
            return id.Length == 0 ? "tombstone without a key" : null;
        }

        try
        {
            entity = kind switch
            {
                ReferenceKind.Company => JsonSerializer.Deserialize(result.Message.Value, FleetJsonContext.Default.CompanyUpdated),
                ReferenceKind.Driver => JsonSerializer.Deserialize(result.Message.Value, FleetJsonContext.Default.DriverUpdated),
                ReferenceKind.Vehicle => JsonSerializer.Deserialize(result.Message.Value, FleetJsonContext.Default.VehicleUpdated),
                _ => JsonSerializer.Deserialize(result.Message.Value, FleetJsonContext.Default.DeviceUpdated),
            };
        }
        catch (JsonException e)
        {
            return "bad JSON: " + e.Message;
        }

        var entityId = entity switch
        {
            CompanyUpdated c => c.Id,
            DriverUpdated d => d.Id,
            VehicleUpdated v => v.Id,
            DeviceUpdated dev => dev.Id,
            _ => null,
        };
        if (string.IsNullOrEmpty(entityId) || !Required(entity!))
        {
            return "missing id or required field";
        }

        id = entityId;   // the value's id is authoritative; the key only matters for tombstones
        return null;
    }

    private static bool Required(object entity) => entity switch
    {
        CompanyUpdated c => c.Name is not null,
        DriverUpdated d => d.CompanyId is not null && d.Name is not null,
        VehicleUpdated v => v.CompanyId is not null,
        _ => true,
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reference {Kind} {Id} (tombstone: {Tombstone}) applied: {Applied}")]
    private static partial void LogApplied(ILogger logger, ReferenceKind kind, string id, bool tombstone, bool applied);
}
