using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Confluent.Kafka;
using Fleet.Contracts;
using Fleet.Contracts.Events;
using Fleet.Processing.Diagnostics;
using Fleet.ServiceDefaults.Kafka;

namespace Fleet.Processing.Sinks;

/// <summary><c>vehicle.positions</c>: JSON <see cref="VehiclePosition"/>, key = vehicle id, trace context continued.</summary>
internal sealed class KafkaPositionPublisher(IProducer<string, byte[]> producer, TimeProvider clock) : IPositionPublisher
{
    private static readonly string[] TraceHeaders = [KafkaTracing.TraceParentHeader, KafkaTracing.TraceStateHeader];

    public Task PublishAsync(IReadOnlyList<EnrichedPoint> points, CancellationToken cancellationToken)
    {
        if (points.Count == 0)
        {
            return Task.CompletedTask;
        }

        var processed = clock.GetUtcNow();
        var deliveries = new DeliveryCountdown(points.Count);
        Action<DeliveryReport<string, byte[]>> delivered = deliveries.Delivered;
        // One buffer, writer and message for the whole batch: Produce copies key and value before it returns, and the
        // delivery report carries its own message, so only the value bytes are new per point.
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(buffer);
        var message = new Message<string, byte[]> { Key = string.Empty, Value = [] };
        // Produced in order, synchronously: a later batch's messages for a vehicle cannot overtake these.
        foreach (var point in points)
        {
            buffer.ResetWrittenCount();
            writer.Reset();
            VehiclePositionJson.Write(writer, point, processed);
            writer.Flush();
            using var activity = ProcessingMetrics.ActivitySource.StartActivity(
                "vehicle.positions publish", ActivityKind.Producer, KafkaTracing.Extract(point.Headers));
            message.Key = point.Context!.Vehicle.Id;
            message.Value = buffer.WrittenSpan.ToArray();
            message.Headers = activity is null ? CopyTrace(point.Headers) : KafkaTracing.Inject(activity, []);
            Produce(message, delivered);
        }

        return deliveries.Task.WaitAsync(cancellationToken);
    }

    private void Produce(Message<string, byte[]> message, Action<DeliveryReport<string, byte[]>> delivered)
    {
        while (true)
        {
            try
            {
                producer.Produce(Topics.VehiclePositions, message, delivered);
                return;
            }
            catch (ProduceException<string, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                // The local queue is full (several large batches in flight): wait for deliveries to drain it. Blocking,
                // not awaiting, so this batch's messages are all queued before the next batch can queue any.
                Thread.Sleep(5);
            }
        }
    }

    // Without a listener no span is started: pass the incoming context on unchanged so the trace still joins up.
    // Null (no headers to marshal) when there is none: the common case without tracing, once per message.
    private static Headers? CopyTrace(Headers? incoming)
    {
        if (incoming is null || incoming.Count == 0)
        {
            return null;
        }

        Headers? headers = null;
        foreach (var name in TraceHeaders)
        {
            if (incoming.TryGetLastBytes(name, out var bytes))
            {
                (headers ??= []).Add(name, bytes);
            }
        }

        return headers;
    }
}
