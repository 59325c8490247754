using System.Globalization;
using Fleet.Ingestion.Connections;
using Fleet.Ingestion.Devices;

namespace Fleet.Ingestion.Apis;

/// <summary>The HTTP answers shared by Fleet JSON and OsmAnd: problem+json with a reason a person can act on.</summary>
internal static class IngestionResults
{
    public static IResult TooLarge(int limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large",
        detail: string.Create(CultureInfo.InvariantCulture, $"the body exceeds the limit of {limit} bytes"));

    public static IResult BadRequest(string fault) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "Unreadable telemetry", detail: fault);

    public static IResult Untrusted(DeviceTrust trust, string deviceId) => TypedResults.Problem(
        statusCode: trust == DeviceTrust.Disabled ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized,
        title: trust == DeviceTrust.Disabled ? "Device disabled" : "Device not authenticated",
        detail: $"device '{deviceId}': {DeviceFrameProcessor.TrustReason(trust)}");

    public static IResult MissingToken() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized, title: "Device not authenticated",
        detail: "Authorization: Bearer <device token> is required");

    /// <summary>503 or 429 with Retry-After: never a 2xx for data that is not in Kafka.</summary>
    public static IResult ComeBackLater(HttpContext context, int status, TimeSpan retryAfter, string detail)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: status,
            title: status == StatusCodes.Status429TooManyRequests ? "Device over its rate limit" : "Telemetry store unavailable",
            detail: detail);
    }

    /// <summary>The token after "Bearer ", or null.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length
            ? header[scheme.Length..].Trim()
            : null;
    }
}
