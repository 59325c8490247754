using Fleet.Contracts.Events;

namespace Fleet.Processing.ReadModel;

/// <summary>The whole read model, loaded to rebuild the Redis cache.</summary>
internal sealed record ReferenceSnapshot(
    IReadOnlyList<CompanyUpdated> Companies,
    IReadOnlyList<DriverUpdated> Drivers,
    IReadOnlyList<VehicleUpdated> Vehicles,
    IReadOnlyList<DeviceUpdated> Devices);
