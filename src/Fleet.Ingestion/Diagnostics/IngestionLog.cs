namespace Fleet.Ingestion.Diagnostics;

/// <summary>Source-generated log messages; every refused or rejected frame names the device and the reason.</summary>
internal static partial class IngestionLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "{Protocol} frame from {Remote} (device {DeviceId}) unreadable: {Reason}")]
    public static partial void FrameUnreadable(ILogger logger, string protocol, string? remote, string deviceId, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Protocol} point of device {DeviceId} rejected: {Reason}")]
    public static partial void PointRejected(ILogger logger, string protocol, string deviceId, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Protocol} device {DeviceId} from {Remote} refused: {Reason}")]
    public static partial void DeviceRefused(ILogger logger, string protocol, string deviceId, string? remote, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{Protocol} frame of device {DeviceId} not acknowledged: {Reason}")]
    public static partial void NotAcknowledged(ILogger logger, string protocol, string deviceId, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Kafka delivery to {Topic} failed: {Reason}")]
    public static partial void DeliveryFailed(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Device trust cache loaded: {Count} devices")]
    public static partial void DevicesLoaded(ILogger logger, int count);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Device trust cache could not be read from Redis")]
    public static partial void DevicesLoadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Device {DeviceId} has an unreadable trust entry")]
    public static partial void DeviceEntryUnreadable(ILogger logger, string deviceId, Exception exception);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "first_seen of device {DeviceId} could not be recorded")]
    public static partial void FirstSeenFailed(ILogger logger, string deviceId, Exception exception);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Device {DeviceId} seen for the first time ({Protocol})")]
    public static partial void FirstSeen(ILogger logger, string deviceId, string? protocol);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "{Protocol} listener failed on port {Port}")]
    public static partial void ListenerFailed(ILogger logger, string protocol, int port, Exception exception);

    [LoggerMessage(EventId = 12, Level = LogLevel.Debug, Message = "{Protocol} connection from {Remote} ended")]
    public static partial void ConnectionEnded(ILogger logger, string protocol, string? remote, Exception? exception);

    [LoggerMessage(EventId = 14, Level = LogLevel.Error, Message = "librdkafka fatal error {Code}: {Reason}")]
    public static partial void KafkaClientError(ILogger logger, Confluent.Kafka.ErrorCode code, string reason);

    [LoggerMessage(EventId = 13, Level = LogLevel.Debug, Message = "librdkafka {Facility}: {Text}")]
    public static partial void KafkaClientLog(ILogger logger, string facility, string text);
}
