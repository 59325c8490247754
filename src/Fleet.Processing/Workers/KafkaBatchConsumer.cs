using Confluent.Kafka;
using Fleet.Processing.Diagnostics;

namespace Fleet.Processing.Workers;

/// <summary>A librdkafka consumer: manual commits, CooperativeSticky (KafkaExtensions.CreateConsumerConfig); reports lag.</summary>
internal sealed class KafkaBatchConsumer(ConsumerConfig config, ProcessingMetrics? metrics) : IBatchConsumer
{
    private readonly IConsumer<string, byte[]> _consumer = new ConsumerBuilder<string, byte[]>(config).Build();
    private readonly Dictionary<TopicPartition, long> _lag = [];

    public void Subscribe(IEnumerable<string> topics) => _consumer.Subscribe(topics);

    public ConsumeResult<string, byte[]>? Consume(TimeSpan timeout)
    {
        var result = _consumer.Consume(timeout);
        if (result is not null && metrics is not null)
        {
            // Cached watermarks: no broker round trip.
            var high = _consumer.GetWatermarkOffsets(result.TopicPartition).High;
            if (high != Offset.Unset)
            {
                _lag[result.TopicPartition] = Math.Max(0, high.Value - result.Offset.Value - 1);
                metrics.Lag(_lag.Values.Sum());
            }
        }

        return result;
    }

    public void Commit(IEnumerable<TopicPartitionOffset> offsets) => _consumer.Commit(offsets);

    public void Seek(TopicPartitionOffset offset) => _consumer.Seek(offset);

    public void Close() => _consumer.Close();

    public void Dispose() => _consumer.Dispose();
}
