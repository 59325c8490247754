namespace Fleet.DevKafka;

/// <summary>Settings under <c>DevKafka</c>.</summary>
public sealed class DevKafkaOptions
{
    /// <summary>Loopback address clients use.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Fixed port of broker 1; broker n listens on Port + n - 1.</summary>
    public int Port { get; set; } = 9092;

    public int Brokers { get; set; } = 1;
}
