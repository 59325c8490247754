using Fleet.Ingestion.Devices;
using Fleet.Ingestion.Diagnostics;
using Fleet.Ingestion.Protocols.OsmAnd;

namespace Fleet.Ingestion.Apis;

/// <summary>
/// OsmAnd / Traccar Client on its own port (5055): GET or POST with the query string or a form, or a JSON body.
/// 200 only after Kafka has the point. Bound to the OsmAnd port by the connection's local port, not the Host header,
/// so it works behind Aspire's proxy too.
/// </summary>
public static class OsmAndApi
{
    public const string Protocol = "osmand";

    public static IEndpointRouteBuilder MapOsmAndApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/", [HttpMethods.Get, HttpMethods.Post], ReceiveAsync)
            .WithName("OsmAnd")
            .ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> ReceiveAsync(HttpContext context, IngestionHttpServices services)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        if (context.Connection.LocalPort != services.Options.Ports.OsmAnd)
        {
            return TypedResults.NotFound();
        }

        services.Metrics.Packet(Protocol);
        var parsed = await ParseAsync(context, services).ConfigureAwait(false);
        if (parsed is null)
        {
            services.Metrics.DecodeError(Protocol, "body too large");
            return IngestionResults.TooLarge(services.Options.MaxBodyBytes);
        }

        if (parsed.IsRejected || parsed.DeviceId is null)
        {
            var fault = parsed.Error ?? "missing id";
            services.Metrics.DecodeError(Protocol, fault);
            IngestionLog.FrameUnreadable(services.Logger, Protocol, null, parsed.DeviceId ?? "?", fault);
            return IngestionResults.BadRequest(fault);
        }

        var deviceId = parsed.DeviceId;
        var token = context.Request.Query["token"].LastOrDefault() ?? IngestionResults.BearerToken(context.Request);
        var trust = services.Registry.Check(deviceId, token, TokenRequirement.Optional);
        if (trust != DeviceTrust.Trusted)
        {
            var reason = Connections.DeviceFrameProcessor.TrustReason(trust);
            services.Metrics.Refused(Protocol, reason);
            IngestionLog.DeviceRefused(services.Logger, Protocol, deviceId, null, reason);
            return IngestionResults.Untrusted(trust, deviceId);
        }

        if (!services.RateLimiter.TryTake(deviceId, parsed.Points.Count))
        {
            services.Metrics.Refused(Protocol, "rate limited");
            return IngestionResults.ComeBackLater(context, StatusCodes.Status429TooManyRequests, TimeSpan.FromSeconds(1),
                $"device '{deviceId}' is over its rate limit");
        }

        services.FirstSeen.Notice(deviceId, Protocol);
        var published = await services.Publisher.PublishAsync(Protocol, deviceId, parsed.Points, context.RequestAborted).ConfigureAwait(false);
        if (!published.IsDelivered)
        {
            services.Metrics.Refused(Protocol, "kafka unavailable");
            IngestionLog.NotAcknowledged(services.Logger, Protocol, deviceId, published.Failure ?? "Kafka unavailable");
            return IngestionResults.ComeBackLater(context, StatusCodes.Status503ServiceUnavailable, services.Options.Publish.RetryAfter,
                "Kafka did not confirm the point; send it again later");
        }

        // Points that failed validation are dropped and counted; the device still gets its 200 so it does not resend them.
        return TypedResults.Ok();
    }

    /// <summary>Null when the body is over the limit.</summary>
    private static async Task<OsmAndParseResult?> ParseAsync(HttpContext context, IngestionHttpServices services)
    {
        var request = context.Request;
        if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            var body = await RequestBody.ReadAsync(request, services.Options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
            return body is null ? null : OsmAndParser.ParseJson(body);
        }

        var pairs = request.Query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? string.Empty))).ToList();
        if (request.HasFormContentType)
        {
            if (request.ContentLength > services.Options.MaxBodyBytes)
            {
                return null;
            }

            var form = await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            pairs.AddRange(form.SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v ?? string.Empty))));
        }

        return OsmAndParser.ParseQuery(pairs, services.Clock.GetUtcNow());
    }
}
