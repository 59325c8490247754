using System.Buffers;
using Fleet.Ingestion.Connections;
using Fleet.Ingestion.Devices;
using Fleet.Ingestion.Diagnostics;
using Fleet.Ingestion.Pipeline;
using Fleet.Ingestion.Protocols.FleetJson;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Fleet.Ingestion.Mqtt;

/// <summary>
/// The MQTT broker hosted in Ingestion as a device gate: CONNECT is checked (username = device id, password = device
/// token), PUBLISH on <c>fleet/{deviceId}/telemetry</c> carries Fleet JSON. MQTTnet awaits InterceptingPublishAsync
/// before it queues the PUBACK, so awaiting Kafka here means PUBACK (QoS 1) only once Kafka has every valid point.
/// Refused publishes close the connection without a PUBACK (MQTT 3.1.1 has no negative PUBACK).
/// </summary>
public sealed class MqttGateway(
    MqttServer server,
    DeviceRegistry registry,
    DeviceRateLimiter rateLimiter,
    FirstSeenNotifier firstSeen,
    TelemetryPublisher publisher,
    IngestionMetrics metrics,
    ILogger<MqttGateway> logger) : IHostedService
{
    public const string Protocol = "mqtt";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        server.ValidatingConnectionAsync += ValidateConnectionAsync;
        server.InterceptingPublishAsync += InterceptPublishAsync;
        server.InterceptingSubscriptionAsync += RefuseSubscriptionAsync;
        server.ClientConnectedAsync += OnConnectedAsync;
        server.ClientDisconnectedAsync += OnDisconnectedAsync;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        server.ValidatingConnectionAsync -= ValidateConnectionAsync;
        server.InterceptingPublishAsync -= InterceptPublishAsync;
        server.InterceptingSubscriptionAsync -= RefuseSubscriptionAsync;
        server.ClientConnectedAsync -= OnConnectedAsync;
        server.ClientDisconnectedAsync -= OnDisconnectedAsync;
        return Task.CompletedTask;
    }

    /// <summary>"fleet/{deviceId}/telemetry" → the device id, or null for any other topic.</summary>
    public static string? DeviceIdFromTopic(string? topic)
    {
        const string prefix = "fleet/";
        const string suffix = "/telemetry";
        if (topic is null || !topic.StartsWith(prefix, StringComparison.Ordinal) || !topic.EndsWith(suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var id = topic[prefix.Length..^suffix.Length];
        return id.Length == 0 || id.Contains('/', StringComparison.Ordinal) ? null : id;
    }

    private Task ValidateConnectionAsync(ValidatingConnectionEventArgs args)
    {
        var deviceId = args.UserName;
        var trust = string.IsNullOrEmpty(deviceId) ? DeviceTrust.BadToken : registry.Check(deviceId, args.Password, TokenRequirement.Required);
        if (trust != DeviceTrust.Trusted)
        {
            var reason = DeviceFrameProcessor.TrustReason(trust);
            metrics.Refused(Protocol, reason);
            var remote = args.RemoteEndPoint?.ToString();
            IngestionLog.DeviceRefused(logger, Protocol, deviceId ?? "?", remote, reason);
            args.ReasonCode = trust == DeviceTrust.Disabled ? MqttConnectReasonCode.NotAuthorized : MqttConnectReasonCode.BadUserNameOrPassword;
        }

        return Task.CompletedTask;
    }

    private Task OnConnectedAsync(ClientConnectedEventArgs args)
    {
        metrics.ConnectionOpened(Protocol);
        return Task.CompletedTask;
    }

    private Task OnDisconnectedAsync(ClientDisconnectedEventArgs args)
    {
        metrics.ConnectionClosed(Protocol);
        return Task.CompletedTask;
    }

    private static Task RefuseSubscriptionAsync(InterceptingSubscriptionEventArgs args)
    {
        // A gate, not a message bus: devices publish telemetry; nobody reads it back here.
        args.ProcessSubscription = false;
        args.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        return Task.CompletedTask;
    }

    private async Task InterceptPublishAsync(InterceptingPublishEventArgs args)
    {
        // Nothing is routed to subscribers or retained.
        args.ProcessPublish = false;
        metrics.Packet(Protocol);
        var deviceId = args.UserName ?? "?";
        var topicDevice = DeviceIdFromTopic(args.ApplicationMessage.Topic);
        if (topicDevice is null || !string.Equals(topicDevice, args.UserName, StringComparison.Ordinal))
        {
            Refuse(args, deviceId, "topic is not fleet/{username}/telemetry", decodeError: true);
            return;
        }

        var payload = args.ApplicationMessage.Payload;
        var parsed = payload.IsSingleSegment ? FleetJsonParser.Parse(payload.FirstSpan, topicDevice) : FleetJsonParser.Parse(payload.ToArray(), topicDevice);
        if (parsed.IsRejected)
        {
            Refuse(args, deviceId, parsed.Error!, decodeError: true);
            return;
        }

        var items = new List<PointToPublish>();
        foreach (var item in parsed.Items)
        {
            if (item.Point is null)
            {
                metrics.Rejected(Protocol, "invalid item");
                IngestionLog.PointRejected(logger, Protocol, deviceId, item.RejectReason ?? "invalid item");
            }
            else
            {
                items.Add(new PointToPublish(item.Index, item.DeviceId, item.Point));
            }
        }

        // Trust may have changed since CONNECT (device disabled): checked per publish, in memory.
        if (registry.Check(topicDevice, token: null, TokenRequirement.None) != DeviceTrust.Trusted)
        {
            Refuse(args, deviceId, "device no longer trusted", decodeError: false);
            return;
        }

        if (!rateLimiter.TryTake(topicDevice, items.Count))
        {
            Refuse(args, deviceId, "rate limit exceeded", decodeError: false);
            return;
        }

        firstSeen.Notice(topicDevice, Protocol);
        var published = await publisher.PublishAsync(Protocol, items, args.CancellationToken).ConfigureAwait(false);
        if (!published.IsDelivered)
        {
            Refuse(args, deviceId, published.Failure ?? "Kafka unavailable", decodeError: false);
        }
    }

    private void Refuse(InterceptingPublishEventArgs args, string deviceId, string reason, bool decodeError)
    {
        if (decodeError)
        {
            metrics.DecodeError(Protocol, reason);
        }
        else
        {
            metrics.Refused(Protocol, reason);
        }

        IngestionLog.NotAcknowledged(logger, Protocol, deviceId, reason);
        args.CloseConnection = true;
        args.Response.ReasonCode = MqttPubAckReasonCode.UnspecifiedError;
    }
}
