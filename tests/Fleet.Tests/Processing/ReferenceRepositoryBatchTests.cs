using Fleet.Contracts.Events;
using Fleet.Processing.ReadModel;
using Fleet.Tests.Infrastructure;

namespace Fleet.Tests.Processing;

/// <summary>Reference events applied as one batch (one round trip) keep the one-at-a-time version rules.</summary>
public sealed class ReferenceRepositoryBatchTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task ApplyAll_OlderEqualTombstoneAndNewerInOneBatch_SameOutcomeAsOneByOne()
    {
        var ct = TestContext.Current.CancellationToken;
        await ReadModelSchema.CreateAsync(postgres.DataSource, ct);
        var id = TestServers.UniqueName("v");
        VehicleUpdated Vehicle(long version, string name) => new(id, version, "c-1", null, null, name, ["g-1"], null);

        await using var connection = await postgres.DataSource.OpenConnectionAsync(ct);
        var applied = await ReferenceRepository.ApplyAllAsync(connection,
        [
            (ReferenceKind.Vehicle, id, Vehicle(3, "three")),
            (ReferenceKind.Vehicle, id, Vehicle(2, "older")),
            (ReferenceKind.Vehicle, id, Vehicle(3, "equal")),
            (ReferenceKind.Vehicle, id, null),                    // tombstone: deleted, version 3 remembered
            (ReferenceKind.Vehicle, id, Vehicle(3, "resurrect")),  // not above the tombstone
            (ReferenceKind.Vehicle, id, Vehicle(4, "four")),
        ], ct);

        Assert.Equal([true, false, false, true, false, true], applied);
        var stored = Assert.Single(await ReferenceRepository.LoadManyAsync(connection, ReferenceKind.Vehicle, [id, "absent"], ct));
        Assert.Equal((4L, "four"), (((VehicleUpdated)stored).Version, ((VehicleUpdated)stored).Name));
    }

    [Fact]
    public async Task ApplyAll_TombstoneLastInBatch_EntityGoneAndOlderLaterBatchIgnored()
    {
        var ct = TestContext.Current.CancellationToken;
        await ReadModelSchema.CreateAsync(postgres.DataSource, ct);
        var id = TestServers.UniqueName("co");
        await using var connection = await postgres.DataSource.OpenConnectionAsync(ct);

        await ReferenceRepository.ApplyAllAsync(connection,
            [(ReferenceKind.Company, id, new CompanyUpdated(id, 7, "Acme", "pro", "UTC")), (ReferenceKind.Company, id, null)], ct);
        var late = await ReferenceRepository.ApplyAllAsync(connection, [(ReferenceKind.Company, id, new CompanyUpdated(id, 6, "Old", null, null))], ct);

        Assert.Equal([false], late);
        Assert.Empty(await ReferenceRepository.LoadManyAsync(connection, ReferenceKind.Company, [id], ct));
    }
}
