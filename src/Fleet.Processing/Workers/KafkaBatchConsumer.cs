using Confluent.Kafka;
using Fleet.Processing.Diagnostics;

namespace Fleet.Processing.Workers;

/// <summary>A librdkafka consumer: manual commits, CooperativeSticky (KafkaExtensions.CreateConsumerConfig); reports lag.</summary>
internal sealed class KafkaBatchConsumer(ConsumerConfig config, ProcessingMetrics? metrics) : IBatchConsumer
{
    private readonly IConsumer<string, byte[]> _consumer = new ConsumerBuilder<string, byte[]>(config).Build();
    private const int LagEvery = 256;

    private readonly Dictionary<TopicPartition, long> _lag = [];
    private long _consumed;

    public void Subscribe(IEnumerable<string> topics) => _consumer.Subscribe(topics);

    public ConsumeResult<string, byte[]>? Consume(TimeSpan timeout)
    {
        var result = _consumer.Consume(timeout);
        if (result is not null && metrics is not null)
        {
            // Cached watermarks (no broker round trip), recorded per partition; the gauge is summed now and then only.
            var high = _consumer.GetWatermarkOffsets(result.TopicPartition).High;
            var lag = high == Offset.Unset ? -1 : Math.Max(0, high.Value - result.Offset.Value - 1);
            if (lag >= 0)
            {
                _lag[result.TopicPartition] = lag;
            }

            if (++_consumed % LagEvery == 0 || lag == 0)   // caught up: report at once
            {
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
