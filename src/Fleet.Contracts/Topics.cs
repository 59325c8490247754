namespace Fleet.Contracts;

/// <summary>Kafka topic names (CONTRACTS.md §2–§3). One place, so no service spells them differently.</summary>
public static class Topics
{
    public const string TelemetryRaw = "telemetry.raw";
    public const string VehiclePositions = "vehicle.positions";
    public const string DeviceEvents = "device.events";
    public const string CompanyUpdated = "company.updated";
    public const string DriverUpdated = "driver.updated";
    public const string VehicleUpdated = "vehicle.updated";
    public const string DeviceUpdated = "device.updated";

    /// <summary>Suffix of the dead-letter topic a consumer sends poison messages to before committing past them.</summary>
    public const string DeadLetterSuffix = ".dlq";

    /// <summary>Every topic the platform uses, with the partition count the local broker creates it with.</summary>
    public static IReadOnlyList<(string Name, int Partitions)> All { get; } =
    [
        (TelemetryRaw, 12),
        (VehiclePositions, 12),
        (DeviceEvents, 4),
        (CompanyUpdated, 1),
        (DriverUpdated, 2),
        (VehicleUpdated, 4),
        (DeviceUpdated, 4),
        (TelemetryRaw + DeadLetterSuffix, 1),
        (VehiclePositions + DeadLetterSuffix, 1),
        (CompanyUpdated + DeadLetterSuffix, 1),
        (DriverUpdated + DeadLetterSuffix, 1),
        (VehicleUpdated + DeadLetterSuffix, 1),
        (DeviceUpdated + DeadLetterSuffix, 1),
    ];
}
