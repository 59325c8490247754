using Fleet.Ingestion.Devices;
using Fleet.Ingestion.Diagnostics;
using Fleet.Ingestion.Pipeline;
using Fleet.Ingestion.Protocols.FleetJson;

namespace Fleet.Ingestion.Apis;

/// <summary><c>POST /api/v1/telemetry</c>: Fleet JSON, one object or a batch, bearer device token (CONTRACTS.md §1).</summary>
public static class TelemetryApi
{
    public const string Protocol = "fleetjson";

    public static IEndpointRouteBuilder MapTelemetryApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/telemetry", PostTelemetryAsync)
            .WithName("PostTelemetry")
            .Accepts<FleetJsonItem>("application/json")
            .Produces<TelemetryAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public static async Task<IResult> PostTelemetryAsync(HttpContext context, IngestionHttpServices services)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        services.Metrics.Packet(Protocol);
        var token = IngestionResults.BearerToken(context.Request);
        if (token is null)
        {
            services.Metrics.Refused(Protocol, "missing token");
            return IngestionResults.MissingToken();
        }

        var body = await RequestBody.ReadAsync(context.Request, services.Options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            services.Metrics.DecodeError(Protocol, "body too large");
            return IngestionResults.TooLarge(services.Options.MaxBodyBytes);
        }

        var parsed = FleetJsonParser.Parse(body);
        if (parsed.IsRejected)
        {
            services.Metrics.DecodeError(Protocol, parsed.Error!);
            IngestionLog.FrameUnreadable(services.Logger, Protocol, context.Connection.RemoteIpAddress?.ToString(), "?", parsed.Error!);
            return IngestionResults.BadRequest(parsed.Error!);
        }

        var items = new List<PointToPublish>();
        var rejected = new List<PointRejection>();
        foreach (var item in parsed.Items)
        {
            if (item.Point is null)
            {
                var reason = item.RejectReason ?? "unreadable item";
                rejected.Add(new PointRejection(item.Index, reason));
                services.Metrics.Rejected(Protocol, "invalid item");
                IngestionLog.PointRejected(services.Logger, Protocol, item.DeviceId ?? "?", reason);
            }
            else
            {
                items.Add(new PointToPublish(item.Index, item.DeviceId, item.Point));
            }
        }

        var refusal = Admit(context, services, items, token);
        if (refusal is not null)
        {
            return refusal;
        }

        var published = await services.Publisher.PublishAsync(Protocol, items, context.RequestAborted).ConfigureAwait(false);
        if (!published.IsDelivered)
        {
            services.Metrics.Refused(Protocol, "kafka unavailable");
            IngestionLog.NotAcknowledged(services.Logger, Protocol, items[0].DeviceId ?? "?", published.Failure ?? "Kafka unavailable");
            return IngestionResults.ComeBackLater(context, StatusCodes.Status503ServiceUnavailable, services.Options.Publish.RetryAfter,
                "Kafka did not confirm the data; nothing was accepted, send it again later");
        }

        rejected.AddRange(published.Rejected);
        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        return TypedResults.Json(new TelemetryAccepted(published.Accepted, rejected), statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>Every device named in the batch must be trusted with this token and within its rate.</summary>
    private static IResult? Admit(HttpContext context, IngestionHttpServices services, List<PointToPublish> items, string token)
    {
        foreach (var group in items.Where(i => i.DeviceId is not null).GroupBy(i => i.DeviceId!, StringComparer.Ordinal))
        {
            var trust = services.Registry.Check(group.Key, token, TokenRequirement.Required);
            if (trust != DeviceTrust.Trusted)
            {
                var reason = Connections.DeviceFrameProcessor.TrustReason(trust);
                services.Metrics.Refused(Protocol, reason);
                IngestionLog.DeviceRefused(services.Logger, Protocol, group.Key, null, reason);
                return IngestionResults.Untrusted(trust, group.Key);
            }

            if (!services.RateLimiter.TryTake(group.Key, group.Count()))
            {
                services.Metrics.Refused(Protocol, "rate limited");
                IngestionLog.NotAcknowledged(services.Logger, Protocol, group.Key, "rate limit exceeded");
                return IngestionResults.ComeBackLater(context, StatusCodes.Status429TooManyRequests, TimeSpan.FromSeconds(1),
                    $"device '{group.Key}' is over its rate limit");
            }

            services.FirstSeen.Notice(group.Key, Protocol);
        }

        return null;
    }
}
