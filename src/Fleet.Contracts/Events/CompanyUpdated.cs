namespace Fleet.Contracts.Events;

/// <summary><c>company.updated</c> value (CONTRACTS.md §2). Key = <see cref="Id"/>; a null value deletes the company.</summary>
public sealed record CompanyUpdated(string Id, long Version, string Name, string? Tariff, string? Timezone);
