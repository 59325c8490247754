using System.Text.Json;
using System.Text.Json.Serialization;
using Fleet.Ingestion.Apis;
using Fleet.Ingestion.Devices;

namespace Fleet.Ingestion.Extensions;

/// <summary>Source-generated JSON for the gate's own shapes (web defaults: camelCase).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DeviceEntry))]
[JsonSerializable(typeof(TelemetryAccepted))]
internal sealed partial class IngestionJsonContext : JsonSerializerContext;
