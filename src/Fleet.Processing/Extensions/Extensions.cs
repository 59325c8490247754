using Fleet.Contracts;
using Fleet.Processing.Diagnostics;
using Fleet.Processing.Enrichment;
using Fleet.Processing.Options;
using Fleet.Processing.Presence;
using Fleet.Processing.ReadModel;
using Fleet.Processing.Sinks;
using Fleet.Processing.Workers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Fleet.Processing.Extensions;

internal static class Extensions
{
    /// <summary>Processing touches every store: Kafka in and out, Redis state, the PostgreSQL read model, ClickHouse history.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        builder.AddKafkaHealthCheck();
        builder.AddRedisClient("redis");
        builder.AddNpgsqlDataSource("fleet");
        builder.AddClickHouseHealthCheck();
        builder.AddProcessingPipeline();
    }

    /// <summary>The pipeline itself (without health checks and OpenAPI); also what the tests host.</summary>
    public static void AddProcessingPipeline(this IHostApplicationBuilder builder)
    {
        // History first: its migration (a hosted service) then runs before the consumers start.
        builder.AddFleetHistoryStore();
        var services = builder.Services;
        services.AddOptions<ProcessingOptions>().BindConfiguration("Processing");
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<ProcessingMetrics>();
        services.AddSingleton<StageTimings>();
        services.AddSingleton<RedisKeys>();
        services.AddKafkaProducer<string, byte[]>(builder.Configuration);
        services.AddSingleton<RedisReferenceCache>();
        services.AddSingleton<ReferenceCacheRebuilder>();
        services.AddSingleton<ReadModelReadiness>();
        services.AddHealthChecks().AddCheck<ReadModelReadiness>(ReadModelReadiness.Name, tags: ["ready"]);
        services.AddSingleton<ReferenceResolver>();
        services.AddSingleton<DeadLetterPublisher>();
        services.AddSingleton<ICurrentStateStore, RedisCurrentStateStore>();
        services.AddSingleton<ISnapshotStore, PostgresSnapshotStore>();
        services.AddSingleton<IPositionPublisher, KafkaPositionPublisher>();
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<TelemetryBatchHandler>();
        services.AddSingleton<ReferenceBatchHandler>();

        // Order matters: the initializer's StartAsync (schema, cache rebuild) completes before any consumer starts.
        services.AddHostedService<ReadModelInitializer>();
        services.AddSingleton<IHostedService>(sp => CreateWorker(sp, builder.Configuration, reference: true));
        services.AddSingleton<IHostedService>(sp => CreateWorker(sp, builder.Configuration, reference: false));
        services.AddHostedService<PresenceSweeperWorker>();
        services.AddHostedService<ReferenceCacheGuardWorker>();
    }

    private static BatchConsumerWorker CreateWorker(IServiceProvider sp, IConfiguration configuration, bool reference)
    {
        var options = sp.GetRequiredService<IOptions<ProcessingOptions>>().Value;
        var metrics = sp.GetRequiredService<ProcessingMetrics>();
        var config = KafkaExtensions.CreateConsumerConfig(configuration, reference ? options.ReferenceGroup : options.TelemetryGroup);
        var settings = reference
            // Reference data is small and ordered per entity: short batches, applied one message at a time.
            ? new BatchWorkerSettings("reference", ReferenceKinds.AllTopics, 500, TimeSpan.FromMilliseconds(20), options.RetryDelay)
            : new BatchWorkerSettings("telemetry", [Topics.TelemetryRaw], options.MaxBatchSize, options.MaxBatchAge, options.RetryDelay,
                Math.Max(1, options.MaxBatchesInFlight));
        return new BatchConsumerWorker(settings, () => new KafkaBatchConsumer(config, reference ? null : metrics),
            reference ? sp.GetRequiredService<ReferenceBatchHandler>() : sp.GetRequiredService<TelemetryBatchHandler>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<BatchConsumerWorker>>());
    }
}
