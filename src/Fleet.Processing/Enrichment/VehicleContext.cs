using Fleet.Contracts.Events;

namespace Fleet.Processing.Enrichment;

/// <summary>What a point of a bound device is enriched with: device → vehicle → driver → company (→ tariff).</summary>
internal sealed record VehicleContext(VehicleUpdated Vehicle, DriverUpdated? Driver, CompanyUpdated? Company);
