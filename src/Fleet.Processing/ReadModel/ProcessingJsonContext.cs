using System.Text.Json;
using System.Text.Json.Serialization;
using Fleet.Processing.Sinks;

namespace Fleet.Processing.ReadModel;

/// <summary>JSON written to Redis by Processing: camelCase web defaults, nulls kept (the layout names them).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DeviceTrust))]
[JsonSerializable(typeof(VehicleStateItem))]
[JsonSerializable(typeof(Dictionary<string, double>))]
internal sealed partial class ProcessingJsonContext : JsonSerializerContext;
