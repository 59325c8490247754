using Fleet.Contracts;

namespace Fleet.Processing.ReadModel;

internal static class ReferenceKinds
{
    public static IReadOnlyList<string> AllTopics { get; } =
        [Topics.CompanyUpdated, Topics.DriverUpdated, Topics.VehicleUpdated, Topics.DeviceUpdated];

    public static ReferenceKind FromTopic(string topic) => topic switch
    {
        Topics.CompanyUpdated => ReferenceKind.Company,
        Topics.DriverUpdated => ReferenceKind.Driver,
        Topics.VehicleUpdated => ReferenceKind.Vehicle,
        Topics.DeviceUpdated => ReferenceKind.Device,
        _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, "not a reference topic"),
    };

    public static string Name(this ReferenceKind kind) => kind switch
    {
        ReferenceKind.Company => "company",
        ReferenceKind.Driver => "driver",
        ReferenceKind.Vehicle => "vehicle",
        _ => "device",
    };

    public static string Table(this ReferenceKind kind) => kind switch
    {
        ReferenceKind.Company => "ref_companies",
        ReferenceKind.Driver => "ref_drivers",
        ReferenceKind.Vehicle => "ref_vehicles",
        _ => "ref_devices",
    };
}
