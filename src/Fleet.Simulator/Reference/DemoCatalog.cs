using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Fleet.Contracts.Events;

namespace Fleet.Simulator.Reference;

/// <summary>
/// The demo fleet's reference data, as the owning services would publish it: companies, drivers, devices with
/// tokens, vehicles in groups. Versions are the start time in milliseconds, so a new run supersedes an older one.
/// </summary>
public sealed class DemoCatalog
{
    private static readonly string[] CompanyNames = ["Acme Logistics", "Northwind Freight", "Volga Couriers", "Baltic Haulage", "Ural Transit"];
    private static readonly string[] Tariffs = ["pro", "basic", "enterprise"];
    private static readonly string[] Groups = ["g-north", "g-south", "g-east", "g-west"];

    public DemoCatalog(DemoOptions options, long version)
    {
        var companies = Math.Clamp(options.Companies, 1, CompanyNames.Length);
        Companies = Enumerable.Range(1, companies)
            .Select(i => new CompanyUpdated($"c-{i}", version, CompanyNames[i - 1], Tariffs[(i - 1) % Tariffs.Length], "Europe/Moscow"))
            .ToList();
        var drivers = new List<DriverUpdated>();
        var devices = new List<DeviceUpdated>();
        var vehicles = new List<VehicleUpdated>();
        var tokens = new Dictionary<string, string>();
        for (var i = 1; i <= options.Vehicles; i++)
        {
            var company = Companies[(i - 1) % companies].Id;
            var id = i.ToString("D4", CultureInfo.InvariantCulture);
            var deviceId = $"demo-{id}";
            // Demo tokens are derived, not secret: the demo fleet is public test data on a development stack.
            var token = $"demo-token-{id}";
            tokens[deviceId] = token;
            drivers.Add(new DriverUpdated($"d-{id}", version, company, $"Driver {id}", null));
            devices.Add(new DeviceUpdated(deviceId, version, true, Sha256Hex(token), "fleetjson"));
            vehicles.Add(new VehicleUpdated($"v-{id}", version, company, deviceId, $"D{id}MO", $"Truck {id}",
                [Groups[i % Groups.Length]], $"d-{id}"));
        }

        Drivers = drivers;
        Devices = devices;
        Vehicles = vehicles;
        Tokens = tokens;
    }

    public IReadOnlyList<CompanyUpdated> Companies { get; }

    public IReadOnlyList<DriverUpdated> Drivers { get; }

    public IReadOnlyList<DeviceUpdated> Devices { get; }

    public IReadOnlyList<VehicleUpdated> Vehicles { get; }

    /// <summary>Device id → bearer token it sends to Ingestion.</summary>
    public IReadOnlyDictionary<string, string> Tokens { get; }

    private static string Sha256Hex(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
