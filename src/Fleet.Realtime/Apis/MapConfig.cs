using System.Text.Json.Serialization;

namespace Fleet.Realtime.Apis;

/// <summary>Settings the map page needs (tile layer, Trajectory for playback, frame rate of the hub).</summary>
public sealed record MapConfig(
    [property: JsonPropertyName("tileUrl")] string TileUrl,
    [property: JsonPropertyName("tileAttribution")] string TileAttribution,
    [property: JsonPropertyName("trajectoryUrl")] string? TrajectoryUrl,
    [property: JsonPropertyName("hubPath")] string HubPath,
    [property: JsonPropertyName("frameIntervalMs")] double FrameIntervalMs);
