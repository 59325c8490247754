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

    public TimeSpan TimeoutFor(string? companyId) =>
        companyId is not null && CompanyOfflineTimeouts.TryGetValue(companyId, out var timeout) ? timeout : OfflineTimeout;
}
