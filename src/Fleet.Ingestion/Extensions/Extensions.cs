using Confluent.Kafka;
using Fleet.Ingestion.Apis;
using Fleet.Ingestion.Connections;
using Fleet.Ingestion.Devices;
using Fleet.Ingestion.Diagnostics;
using Fleet.Ingestion.Options;
using Fleet.Ingestion.Pipeline;

namespace Fleet.Ingestion.Extensions;

public static class Extensions
{
    /// <summary>The gate: Kafka producer, device trust cache from Redis, the publish pipeline, device listeners.</summary>
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, IngestionJsonContext.Default));
        builder.AddKafkaHealthCheck();
        builder.AddRedisClient("redis");
        builder.Services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.SectionName);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(BuildProducer);

        builder.Services.AddSingleton<IngestionMetrics>();
        builder.Services.AddSingleton<PointValidator>();
        builder.Services.AddSingleton<InFlightBudget>();
        builder.Services.AddSingleton<TelemetryPublisher>();
        builder.Services.AddSingleton<DeviceKeys>();
        builder.Services.AddSingleton<DeviceRegistry>();
        builder.Services.AddSingleton<DeviceRateLimiter>();
        builder.Services.AddSingleton<FirstSeenNotifier>();
        builder.Services.AddSingleton<IngestionHttpServices>();
        // Registered before the listeners so the trust cache is loaded before the first device connects.
        builder.Services.AddSingleton<DeviceRegistrySync>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeviceRegistrySync>());
        builder.AddDeviceListeners();
    }

    public static WebApplication MapIngestionApis(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapTelemetryApi();
        app.MapOsmAndApi();
        return app;
    }

    private static IProducer<string, byte[]> BuildProducer(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var options = configuration.GetSection(IngestionOptions.SectionName).Get<IngestionOptions>() ?? new IngestionOptions();
        var config = KafkaExtensions.CreateProducerConfig(configuration);
        var overrides = configuration.GetSection("Kafka:Producer");
        // A device waits for its ACK: a delivery that takes longer than this is answered "come back later".
        if (overrides["message.timeout.ms"] is null)
        {
            config.MessageTimeoutMs = (int)options.Publish.DeliveryTimeout.TotalMilliseconds;
        }

        if (overrides["batch.num.messages"] is null)
        {
            config.BatchNumMessages = 10_000;
        }

        var logger = services.GetRequiredService<ILogger<TelemetryPublisher>>();
        return new ProducerBuilder<string, byte[]>(config)
            .SetLogHandler((_, message) => IngestionLog.KafkaClientLog(logger, message.Facility, message.Message))
            .SetErrorHandler((_, error) =>
            {
                // Transport errors repeat on every reconnect attempt while a broker is down; delivery failures are logged per frame.
                if (error.IsFatal)
                {
                    IngestionLog.KafkaClientError(logger, error.Code, error.Reason);
                }
                else if (logger.IsEnabled(LogLevel.Debug))
                {
                    var code = error.Code.ToString();
                    IngestionLog.KafkaClientLog(logger, code, error.Reason);
                }
            })
            .Build();
    }
}
