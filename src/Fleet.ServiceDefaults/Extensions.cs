using Fleet.ServiceDefaults.HealthChecks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every Fleet service shares: OpenTelemetry over OTLP, health endpoints, service discovery, resilience.
/// Shaped after eShop's ServiceDefaults.
/// </summary>
public static class Extensions
{
    /// <summary>Meter and activity source names every Fleet service emits under.</summary>
    public const string FleetTelemetryPrefix = "Fleet.";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddBasicServiceDefaults();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    /// <summary>Defaults without HTTP-client resilience, for workers that call nobody over HTTP.</summary>
    public static TBuilder AddBasicServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(FleetTelemetryPrefix + "*"))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(FleetTelemetryPrefix + "*")
                .AddAspNetCoreInstrumentation(o =>
                    // Health probes every few seconds would drown the traces that matter.
                    o.Filter = context => !context.Request.Path.StartsWithSegments("/health")
                        && !context.Request.Path.StartsWithSegments("/alive"))
                .AddHttpClientInstrumentation());

        // The Aspire dashboard (or any collector) is named by OTEL_EXPORTER_OTLP_ENDPOINT; without it nothing is exported.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>Adds the Kafka metadata check on <c>ConnectionStrings:kafka</c>.</summary>
    public static TBuilder AddKafkaHealthCheck<TBuilder>(this TBuilder builder, string connectionName = "kafka")
        where TBuilder : IHostApplicationBuilder
    {
        // One check (and so one admin client) for the process: the registration factory runs on every probe, and a
        // librdkafka client per probe would cost threads and a broker connection every few seconds.
        builder.Services.AddSingleton(_ => new KafkaHealthCheck(ConnectionStrings.Require(builder.Configuration, connectionName)));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "kafka",
            sp => sp.GetRequiredService<KafkaHealthCheck>(),
            HealthStatus.Unhealthy,
            ["ready"],
            TimeSpan.FromSeconds(3)));
        return builder;
    }

    /// <summary>Adds the ClickHouse ping check on <c>ConnectionStrings:clickhouse</c>.</summary>
    public static TBuilder AddClickHouseHealthCheck<TBuilder>(this TBuilder builder, string connectionName = "clickhouse")
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHttpClient(ClickHouseHealthCheck.HttpClientName);
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "clickhouse",
            sp => new ClickHouseHealthCheck(
                sp.GetRequiredService<IHttpClientFactory>(),
                ConnectionStrings.Require(builder.Configuration, connectionName)),
            HealthStatus.Unhealthy,
            ["ready"],
            TimeSpan.FromSeconds(3)));
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // All checks must pass for the service to be ready for traffic.
        app.MapHealthChecks("/health");
        // Only the "live" checks must pass for the process to count as alive.
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") });
        return app;
    }
}
