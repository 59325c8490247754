using System.Diagnostics;
using Confluent.Kafka;
using Fleet.Contracts;
using Fleet.Contracts.Telemetry;
using Google.Protobuf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Fleet.Bench.Ingestion;

/// <summary>
/// The reference: librdkafka alone producing pre-serialised telemetry.raw messages with the gate's producer config
/// (acks=all, idempotent, lz4, linger 5 ms, batch.num.messages 10000, message.timeout.ms 15000), as fast as the
/// local queue allows; the rate counts delivery reports, the same event that releases a device's ACK.
/// </summary>
public static class RawProduceBench
{
    public static ProducerConfig GateProducerConfig(string bootstrap)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:kafka"] = bootstrap })
            .Build();
        var config = KafkaExtensions.CreateProducerConfig(configuration);
        config.MessageTimeoutMs = 15_000;
        config.BatchNumMessages = 10_000;
        return config;
    }

    /// <summary>A TelemetryMessage as the gate writes it for a Teltonika point (~150 bytes).</summary>
    public static byte[] SampleMessage(int deviceNumber)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var message = new TelemetryMessage
        {
            DeviceId = DeviceId(deviceNumber),
            DeviceTimeMs = now - 1000,
            ServerTimeMs = now,
            Lat = 52.123456,
            Lon = 13.654321,
            Valid = true,
            Alarm = string.Empty,
            Protocol = "teltonika",
            IngestionInstance = "bench-host",
            SpeedKmh = 50,
            Heading = 270,
            AltitudeM = 120,
            Satellites = 9,
            Ignition = true,
        };
        message.Attributes["io239"] = 1;
        message.Attributes["io66"] = 12850;
        message.Attributes["io21"] = 4;
        return message.ToByteArray();
    }

    public static string DeviceId(int deviceNumber) => (350_000_000_000_000L + deviceNumber).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Produces for <paramref name="seconds"/>, then flushes; returns (delivered, failed, elapsed).</summary>
    public static (long Delivered, long Failed, TimeSpan Elapsed, int MessageBytes) Run(string bootstrap, int seconds)
    {
        const int keys = 10_000;
        var values = Enumerable.Range(0, 64).Select(SampleMessage).ToArray();
        var keyStrings = Enumerable.Range(0, keys).Select(DeviceId).ToArray();
        long delivered = 0;
        long failed = 0;
        using var producer = new ProducerBuilder<string, byte[]>(GateProducerConfig(bootstrap)).Build();
        void OnDelivery(DeliveryReport<string, byte[]> report)
        {
            if (report.Error.IsError)
            {
                Interlocked.Increment(ref failed);
            }
            else
            {
                Interlocked.Increment(ref delivered);
            }
        }

        // Warm-up: metadata, idempotent producer id.
        producer.Produce(Topics.TelemetryRaw, new Message<string, byte[]> { Key = keyStrings[0], Value = values[0] }, OnDelivery);
        producer.Flush(TimeSpan.FromSeconds(30));
        delivered = 0;

        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        var i = 0;
        while (clock.Elapsed < end)
        {
            var message = new Message<string, byte[]> { Key = keyStrings[i % keys], Value = values[i % values.Length] };
            try
            {
                producer.Produce(Topics.TelemetryRaw, message, OnDelivery);
                i++;
            }
            catch (ProduceException<string, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                producer.Poll(TimeSpan.FromMilliseconds(5));
            }
        }

        producer.Flush(TimeSpan.FromSeconds(60));
        return (Interlocked.Read(ref delivered), Interlocked.Read(ref failed), clock.Elapsed, values[0].Length);
    }
}
