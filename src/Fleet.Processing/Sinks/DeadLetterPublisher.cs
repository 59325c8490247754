using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Fleet.Contracts;
using Fleet.Processing.Diagnostics;

namespace Fleet.Processing.Sinks;

/// <summary>Sends poison messages to <c>&lt;topic&gt;.dlq</c> with the reason, so the consumer can commit past them.</summary>
internal sealed partial class DeadLetterPublisher(IProducer<string, byte[]> producer, ProcessingMetrics metrics, ILogger<DeadLetterPublisher> logger)
{
    public const string ReasonHeader = "reason";
    public const string SourceHeader = "source";

    public async Task SendAsync(IReadOnlyList<(ConsumeResult<string, byte[]> Message, string Reason)> poison, CancellationToken cancellationToken)
    {
        if (poison.Count == 0)
        {
            return;
        }

        await Task.WhenAll(poison.Select(p => SendAsync(p.Message, p.Reason, cancellationToken)));
    }

    public async Task SendAsync(ConsumeResult<string, byte[]> message, string reason, CancellationToken cancellationToken)
    {
        var headers = new Headers();
        foreach (var header in message.Message.Headers ?? [])
        {
            headers.Add(header.Key, header.GetValueBytes());
        }

        headers.Add(ReasonHeader, Encoding.UTF8.GetBytes(reason));
        headers.Add(SourceHeader, Encoding.UTF8.GetBytes(message.TopicPartitionOffset.ToString()));
        await producer.ProduceAsync(message.Topic + Topics.DeadLetterSuffix,
            new Message<string, byte[]> { Key = message.Message.Key, Value = message.Message.Value, Headers = headers }, cancellationToken);
        metrics.DeadLettered(message.Topic);
        LogDeadLettered(logger, message.Topic, message.Partition.Value, message.Offset.Value.ToString(CultureInfo.InvariantCulture), reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poison message {Topic}[{Partition}]@{Offset} sent to the dead-letter topic: {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, string topic, int partition, string offset, string reason);
}
