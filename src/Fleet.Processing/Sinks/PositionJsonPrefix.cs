using Fleet.Contracts.Events;

namespace Fleet.Processing.Sinks;

/// <summary>The cached start of a vehicle's <c>vehicle.positions</c> documents, with what it was built from.</summary>
internal sealed record PositionJsonPrefix(string DeviceId, CompanyUpdated? Company, byte[] Bytes);
