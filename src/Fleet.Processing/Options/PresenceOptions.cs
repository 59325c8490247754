namespace Fleet.Processing.Options;

/// <summary>Online/offline detection (section <c>Processing:Presence</c>).</summary>
internal sealed class PresenceOptions
{
    /// <summary>A device with no point for this long is offline.</summary>
    public TimeSpan OfflineTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Per-company override of <see cref="OfflineTimeout"/>, by company id.</summary>
    public Dictionary<string, TimeSpan> CompanyOfflineTimeouts { get; set; } = [];

    /// <summary>How often the sweeper looks for devices past their deadline.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Deadlines are stored this much later than due, so a point that arrives less than this after the last written one
    /// needs no Redis write: a device sending every second is written once per slack, not once per batch. Offline then
    /// fires up to this much later (on top of <see cref="SweepInterval"/>); zero writes every later arrival.
    /// </summary>
    public TimeSpan WriteSlack { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan TimeoutFor(string? companyId) =>
        companyId is not null && CompanyOfflineTimeouts.TryGetValue(companyId, out var timeout) ? timeout : OfflineTimeout;
}
