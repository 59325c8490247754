using Fleet.Contracts.Events;
using Fleet.Tests.Infrastructure;

namespace Fleet.Tests.Processing;

/// <summary>Unique ids for one test's company, drivers, vehicle and device, so tests sharing topics never collide.</summary>
internal sealed class TestFleet
{
    private readonly string _id = TestServers.UniqueName("f");

    public string Company => $"c-{_id}";
    public string OtherCompany => $"c2-{_id}";
    public string Driver => $"d-{_id}";
    public string OtherDriver => $"d2-{_id}";
    public string Vehicle => $"v-{_id}";
    public string Device => $"dev-{_id}";

    public CompanyUpdated CompanyEvent(long version = 1) => new(Company, version, "Acme Logistics", "pro", "Europe/Moscow");

    public DriverUpdated DriverEvent(long version = 1) => new(Driver, version, Company, "Ivan Petrov", "+7 900 000-00-00");

    public VehicleUpdated VehicleEvent(long version = 1, string? driver = null, string? company = null, string? device = null) =>
        new(Vehicle, version, company ?? Company, device ?? Device, "A123BC77", "Truck 42", ["g-north"], driver ?? Driver);

    public DeviceUpdated DeviceEvent(long version = 1) => new(Device, version, true, null, "teltonika");

    /// <summary>Sends the whole chain device → vehicle → driver → company.</summary>
    public async Task SendAsync(FleetFeed feed)
    {
        await feed.Company(CompanyEvent());
        await feed.Driver(DriverEvent());
        await feed.Vehicle(VehicleEvent());
        await feed.Device(DeviceEvent());
    }
}
