using System.Diagnostics;
using Confluent.Kafka;
using Fleet.Contracts;
using Fleet.Ingestion.Diagnostics;
using Fleet.Ingestion.Options;
using Fleet.Ingestion.Protocols;
using Fleet.ServiceDefaults.Kafka;
using Google.Protobuf;
using Microsoft.Extensions.Options;

namespace Fleet.Ingestion.Pipeline;

/// <summary>
/// validate → stamp server time → publish to <c>telemetry.raw</c> keyed by device id → wait for every delivery report.
/// The caller acknowledges the device only when the result says Delivered.
/// </summary>
public sealed class TelemetryPublisher(
    IProducer<string, byte[]> producer,
    PointValidator validator,
    InFlightBudget budget,
    IngestionMetrics metrics,
    TimeProvider clock,
    IOptions<IngestionOptions> options,
    ILogger<TelemetryPublisher> logger)
{
    private readonly string _instance = options.Value.InstanceId ?? Environment.MachineName;

    /// <summary>Every point of one frame from one device.</summary>
    public Task<PublishResult> PublishAsync(string protocol, string deviceId, IReadOnlyList<TelemetryPoint> points, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        var items = new PointToPublish[points.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new PointToPublish(i, deviceId, points[i]);
        }

        return PublishAsync(protocol, items, cancellationToken);
    }

    /// <summary>A batch whose items may name different devices (Fleet JSON over HTTP).</summary>
    public async Task<PublishResult> PublishAsync(string protocol, IReadOnlyList<PointToPublish> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var now = clock.GetUtcNow();
        List<PointRejection>? rejected = null;
        var messages = new List<(string Key, byte[] Value)>(items.Count);
        long bytes = 0;
        foreach (var item in items)
        {
            var reason = validator.Validate(item.DeviceId, item.Point, now);
            if (reason is not null)
            {
                (rejected ??= []).Add(new PointRejection(item.Index, reason));
                metrics.Rejected(protocol, reason);
                IngestionLog.PointRejected(logger, protocol, item.DeviceId ?? "?", reason);
                continue;
            }

            var value = TelemetryMessageFactory.Create(item.DeviceId!, protocol, item.Point, now, _instance).ToByteArray();
            messages.Add((item.DeviceId!, value));
            bytes += value.Length + item.DeviceId!.Length;
        }

        IReadOnlyList<PointRejection> rejections = rejected ?? (IReadOnlyList<PointRejection>)[];
        if (messages.Count == 0)
        {
            return new PublishResult(PublishStatus.Delivered, 0, rejections);
        }

        if (!await budget.TryAcquireAsync(bytes, cancellationToken).ConfigureAwait(false))
        {
            return new PublishResult(PublishStatus.Unavailable, 0, rejections, "in-flight budget full: Kafka is not keeping up");
        }

        var failure = await ProduceAllAsync(protocol, messages).ConfigureAwait(false);
        if (failure is not null)
        {
            IngestionLog.DeliveryFailed(logger, Topics.TelemetryRaw, failure);
            return new PublishResult(PublishStatus.Unavailable, 0, rejections, failure);
        }

        metrics.Accepted(protocol, messages.Count);
        return new PublishResult(PublishStatus.Delivered, messages.Count, rejections);
    }

    private Task<string?> ProduceAllAsync(string protocol, List<(string Key, byte[] Value)> messages)
    {
        var batch = new DeliveryBatch(messages.Count, budget, elapsed => metrics.DeliveryLatency(protocol, elapsed));
        var activity = Activity.Current;
        foreach (var (key, value) in messages)
        {
            long size = value.Length + key.Length;
            var message = new Message<string, byte[]> { Key = key, Value = value };
            if (activity is not null)
            {
                message.Headers = KafkaTracing.Inject(activity, []);
            }

            try
            {
                // The delivery handler runs on librdkafka's poll thread: it only counts, never blocks.
                producer.Produce(Topics.TelemetryRaw, message, report => batch.OnReport(report, size));
            }
            catch (ProduceException<string, byte[]> ex)
            {
                batch.OnNotProduced(ex.Error.Reason, size);
            }
            catch (KafkaException ex)
            {
                batch.OnNotProduced(ex.Error.Reason, size);
            }
            catch (ObjectDisposedException)
            {
                batch.OnNotProduced("producer closed", size);
            }
        }

        return batch.Completion;
    }
}
