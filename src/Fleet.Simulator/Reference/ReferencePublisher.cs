using System.Text.Json;
using Confluent.Kafka;
using Fleet.Contracts;
using Fleet.Contracts.Events;

namespace Fleet.Simulator.Reference;

/// <summary>Publishes the demo catalog to the reference topics, exactly as an owning service would.</summary>
public sealed class ReferencePublisher(IProducer<string, byte[]> producer)
{
    public async Task<int> PublishAsync(DemoCatalog catalog, CancellationToken ct)
    {
        var sends = new List<Task<DeliveryResult<string, byte[]>>>();
        sends.AddRange(catalog.Companies.Select(c => Send(Topics.CompanyUpdated, c.Id, JsonSerializer.SerializeToUtf8Bytes(c, FleetJsonContext.Default.CompanyUpdated), ct)));
        sends.AddRange(catalog.Drivers.Select(d => Send(Topics.DriverUpdated, d.Id, JsonSerializer.SerializeToUtf8Bytes(d, FleetJsonContext.Default.DriverUpdated), ct)));
        sends.AddRange(catalog.Devices.Select(d => Send(Topics.DeviceUpdated, d.Id, JsonSerializer.SerializeToUtf8Bytes(d, FleetJsonContext.Default.DeviceUpdated), ct)));
        sends.AddRange(catalog.Vehicles.Select(v => Send(Topics.VehicleUpdated, v.Id, JsonSerializer.SerializeToUtf8Bytes(v, FleetJsonContext.Default.VehicleUpdated), ct)));
        await Task.WhenAll(sends);
        return sends.Count;
    }

    private Task<DeliveryResult<string, byte[]>> Send(string topic, string key, byte[] value, CancellationToken ct) =>
        producer.ProduceAsync(topic, new Message<string, byte[]> { Key = key, Value = value }, ct);
}
