using System.Collections.Concurrent;
using Fleet.Ingestion.Options;
using Microsoft.Extensions.Options;

namespace Fleet.Ingestion.Devices;

/// <summary>
/// The device trust cache held in process memory, so no packet waits on Redis. Filled and kept current by
/// <see cref="DeviceRegistrySync"/>.
/// </summary>
public sealed class DeviceRegistry(IOptions<IngestionOptions> options)
{
    private readonly UnknownDevicePolicy _unknown = options.Value.UnknownDevices;
    private volatile ConcurrentDictionary<string, DeviceEntry> _devices = new(StringComparer.Ordinal);

    public int Count => _devices.Count;

    public DeviceTrust Check(string deviceId, string? token, TokenRequirement requirement)
    {
        if (!_devices.TryGetValue(deviceId, out var entry))
        {
            return _unknown == UnknownDevicePolicy.Accept ? DeviceTrust.Trusted : DeviceTrust.Unknown;
        }

        if (!entry.Enabled)
        {
            return DeviceTrust.Disabled;
        }

        return requirement switch
        {
            TokenRequirement.Required => DeviceTokenHash.Matches(token, entry.TokenSha256) ? DeviceTrust.Trusted : DeviceTrust.BadToken,
            TokenRequirement.Optional when entry.TokenSha256 is not null =>
                DeviceTokenHash.Matches(token, entry.TokenSha256) ? DeviceTrust.Trusted : DeviceTrust.BadToken,
            _ => DeviceTrust.Trusted,
        };
    }

    /// <summary>Swaps in a complete copy (start-up, "*" change message, periodic reload).</summary>
    public void ReplaceAll(IEnumerable<KeyValuePair<string, DeviceEntry>> entries) =>
        _devices = new ConcurrentDictionary<string, DeviceEntry>(entries, StringComparer.Ordinal);

    /// <summary>One changed device; null = deleted.</summary>
    public void Set(string deviceId, DeviceEntry? entry)
    {
        if (entry is null)
        {
            _devices.TryRemove(deviceId, out _);
        }
        else
        {
            _devices[deviceId] = entry;
        }
    }
}
