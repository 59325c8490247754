using System.Text.Json;
using Confluent.Kafka;
using Fleet.Contracts.Events;
using Fleet.Processing.Sinks;
using Fleet.Processing.Workers;
using Npgsql;

namespace Fleet.Processing.ReadModel;

/// <summary>
/// Applies <c>company/driver/vehicle/device.updated</c> in order, a batch at a time: PostgreSQL (versioned) first, in one
/// round trip, then Redis copied from PostgreSQL's resulting rows. Bad JSON goes to the DLQ. Holds the shared reference lock so a rebuild cannot interleave.
/// </summary>
internal sealed partial class ReferenceBatchHandler(NpgsqlDataSource dataSource, RedisReferenceCache cache,
    DeadLetterPublisher deadLetters, ILogger<ReferenceBatchHandler> logger) : IBatchHandler
{
    public async Task HandleAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken cancellationToken)
    {
        var events = new List<(ReferenceKind Kind, string Id, object? Entity)>(batch.Count);
        var poison = new List<(ConsumeResult<string, byte[]>, string)>();
        foreach (var result in batch)
        {
            var kind = ReferenceKinds.FromTopic(result.Topic);
            if (Parse(kind, result, out var id, out var entity) is { } reason)
            {
                poison.Add((result, reason));
            }
            else
            {
                events.Add((kind, id, entity));
            }
        }

        await deadLetters.SendAsync(poison, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ReferenceLock.AcquireSharedAsync(connection, cancellationToken);
        try
        {
            // One round trip applies the batch in order; then every touched entity is copied once, as PostgreSQL now
            // has it, into Redis (pipelined). Ignored events re-sync too: harmless, and it heals a lagging cache.
            var applied = await ReferenceRepository.ApplyAllAsync(connection, events, cancellationToken);
            var stored = new Dictionary<(ReferenceKind, string), object>();
            foreach (var kind in events.Select(e => e.Kind).Distinct())
            {
                var ids = events.Where(e => e.Kind == kind).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
                foreach (var entity in await ReferenceRepository.LoadManyAsync(connection, kind, ids, cancellationToken))
                {
                    stored[(kind, EntityId(entity)!)] = entity;
                }
            }

            await Task.WhenAll(events.Select(e => (e.Kind, e.Id)).Distinct()
                .Select(key => cache.SyncAsync(key.Kind, key.Id, stored.GetValueOrDefault(key))));
            for (var i = 0; i < events.Count; i++)
            {
                LogApplied(logger, events[i].Kind, events[i].Id, events[i].Entity is null, applied[i]);
            }
        }
        finally
        {
            await ReferenceLock.ReleaseSharedAsync(connection);
        }
    }

    private static string? EntityId(object? entity) => entity switch
    {
        CompanyUpdated c => c.Id,
        DriverUpdated d => d.Id,
        VehicleUpdated v => v.Id,
        DeviceUpdated dev => dev.Id,
        _ => null,
    };

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

        var entityId = EntityId(entity);
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
