using System.Net;
using Fleet.Ingestion.Devices;
using Fleet.Ingestion.Diagnostics;
using Fleet.Ingestion.Pipeline;
using Fleet.Ingestion.Protocols;

namespace Fleet.Ingestion.Connections;

/// <summary>
/// One decoded frame of a binary protocol (TCP or UDP) → trust check → rate limit → Kafka → the reply to send.
/// The positive reply leaves only after every valid point is in Kafka; unreadable frames get no positive reply.
/// </summary>
public sealed class DeviceFrameProcessor(
    DeviceRegistry registry,
    DeviceRateLimiter rateLimiter,
    FirstSeenNotifier firstSeen,
    TelemetryPublisher publisher,
    IngestionMetrics metrics,
    ILogger<DeviceFrameProcessor> logger)
{
    public async Task<FrameOutcome> ProcessAsync(string protocol, DecodeResult result, DeviceSession session, EndPoint? remote,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(session);
        metrics.Packet(protocol);
        if (result.IsRejected)
        {
            metrics.DecodeError(protocol, result.Error!);
            IngestionLog.FrameUnreadable(logger, protocol, remote?.ToString(), result.DeviceId ?? session.DeviceId ?? "?", result.Error!);
            // Negative answers the spec defines (Wialon "#ASD#13", Teltonika login 00) go out; never a positive one.
            return new FrameOutcome(result.RejectReply, session, result.CloseConnection || result.IsLogin);
        }

        var deviceId = result.DeviceId ?? session.DeviceId;
        if (deviceId is null)
        {
            // Heartbeats and pings before any login carry nothing to attribute.
            return new FrameOutcome(result.Points.Count == 0 ? result.Reply : null, session, result.Points.Count > 0);
        }

        // Checked on every frame (an in-memory lookup), so disabling a device takes effect on open connections too.
        var trust = registry.Check(deviceId, token: null, TokenRequirement.None);
        if (trust != DeviceTrust.Trusted)
        {
            var reason = TrustReason(trust);
            metrics.Refused(protocol, reason);
            IngestionLog.DeviceRefused(logger, protocol, deviceId, remote?.ToString(), reason);
            return new FrameOutcome(result.IsLogin ? result.RejectReply : null, session, Close: true);
        }

        if (session.DeviceId != deviceId)
        {
            session = new DeviceSession(deviceId);
        }

        firstSeen.Notice(deviceId, protocol);
        if (result.Points.Count == 0)
        {
            return new FrameOutcome(result.Reply, session, Close: false);
        }

        if (!rateLimiter.TryTake(deviceId, result.Points.Count))
        {
            return Withhold(protocol, deviceId, "rate limit exceeded", session);
        }

        var published = await publisher.PublishAsync(protocol, deviceId, result.Points, cancellationToken).ConfigureAwait(false);
        // Kafka did not take it: no ACK, and close, so the device resends on a fresh connection instead of
        // getting a later frame's ACK mistaken for this one's.
        return published.IsDelivered
            ? new FrameOutcome(result.Reply, session, Close: false)
            : Withhold(protocol, deviceId, published.Failure ?? "Kafka unavailable", session);
    }

    public static string TrustReason(DeviceTrust trust) => trust switch
    {
        DeviceTrust.Unknown => "unknown device",
        DeviceTrust.Disabled => "device disabled",
        DeviceTrust.BadToken => "wrong or missing device token",
        _ => "trusted",
    };

    private FrameOutcome Withhold(string protocol, string deviceId, string reason, DeviceSession session)
    {
        metrics.Refused(protocol, reason.StartsWith("rate", StringComparison.Ordinal) ? "rate limited" : "kafka unavailable");
        IngestionLog.NotAcknowledged(logger, protocol, deviceId, reason);
        return new FrameOutcome(null, session, Close: true);
    }
}
