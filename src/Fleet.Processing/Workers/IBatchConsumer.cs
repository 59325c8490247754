using Confluent.Kafka;

namespace Fleet.Processing.Workers;

/// <summary>The slice of a Kafka consumer the batch worker uses (one implementation: <see cref="KafkaBatchConsumer"/>).</summary>
internal interface IBatchConsumer : IDisposable
{
    void Subscribe(IEnumerable<string> topics);

    /// <summary>Null when nothing arrived within <paramref name="timeout"/>.</summary>
    ConsumeResult<string, byte[]>? Consume(TimeSpan timeout);

    void Commit(IEnumerable<TopicPartitionOffset> offsets);

    /// <summary>Rewinds partitions so a failed batch is consumed again.</summary>
    void Seek(TopicPartitionOffset offset);

    void Close();
}
