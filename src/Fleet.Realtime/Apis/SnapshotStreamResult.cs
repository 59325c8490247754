using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Fleet.Realtime.Diagnostics;
using Fleet.Realtime.State;
using Microsoft.AspNetCore.Http.Metadata;

namespace Fleet.Realtime.Apis;

/// <summary>
/// The snapshot answer (<see cref="SnapshotResponse"/>'s shape) written straight to the response body while the state
/// is read: no list of items, no second serialisation; each HMGET chunk is held as its copied bytes until its turn. <c>Server-Timing</c>
/// says how long the geo search took, so a slow answer shows whether Redis's search or the rest was slow.
/// </summary>
public sealed class SnapshotStreamResult(SnapshotRead read, DateTimeOffset asOf)
    : IResult, IEndpointMetadataProvider
{
    private static readonly JsonEncodedText AsOfName = JsonEncodedText.Encode("asOf");
    private static readonly JsonEncodedText VehiclesName = JsonEncodedText.Encode("vehicles");

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"search;dur={read.SearchTime.TotalMilliseconds:0.0}");
        var body = response.BodyWriter;
        await using var writer = new Utf8JsonWriter(body, new JsonWriterOptions { SkipValidation = true });
        writer.WriteStartObject();
        writer.WriteString(AsOfName, asOf.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        writer.WriteStartArray(VehiclesName);
        writer.Flush(); // the items go to the body directly, chunk by chunk
        await read.WriteItemsAsync(body, httpContext.RequestAborted);
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(httpContext.RequestAborted);
        httpContext.RequestServices.GetService<RealtimeMetrics>()?.SnapshotServed(read.Stages);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(SnapshotResponse), ["application/json"]));
    }
}
