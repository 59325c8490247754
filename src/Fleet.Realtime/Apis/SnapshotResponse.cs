using System.Text.Json.Serialization;
using Fleet.Realtime.State;

namespace Fleet.Realtime.Apis;

/// <summary>The snapshot answer of CONTRACTS.md §4.</summary>
public sealed record SnapshotResponse(
    [property: JsonPropertyName("asOf")] string AsOf,
    [property: JsonPropertyName("vehicles")] IReadOnlyList<SnapshotItem> Vehicles);
