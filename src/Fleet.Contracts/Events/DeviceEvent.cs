namespace Fleet.Contracts.Events;

/// <summary><c>device.events</c> value: <c>first_seen</c>, <c>online</c> or <c>offline</c> (CONTRACTS.md §3). Key = device id.</summary>
public sealed record DeviceEvent(string DeviceId, string Type, DateTimeOffset Time, string? Protocol)
{
    public const string FirstSeen = "first_seen";
    public const string Online = "online";
    public const string Offline = "offline";
}
