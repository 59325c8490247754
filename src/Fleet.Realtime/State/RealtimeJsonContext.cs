using System.Text.Json;
using System.Text.Json.Serialization;
using Fleet.Realtime.Apis;
using Fleet.Realtime.Hubs;

namespace Fleet.Realtime.State;

/// <summary>Source-generated JSON for what Realtime reads from Redis and answers over HTTP.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SnapshotItem))]
[JsonSerializable(typeof(SnapshotResponse))]
[JsonSerializable(typeof(MapConfig))]
[JsonSerializable(typeof(SubscriptionChange))]
public sealed partial class RealtimeJsonContext : JsonSerializerContext;
