using Fleet.History;
using Fleet.History.ClickHouse;
using Fleet.History.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class HistoryStoreExtensions
{
    /// <summary>
    /// Registers <see cref="IHistoryStore"/> chosen by <c>History:Store</c> (<c>ClickHouse</c> default, or <c>Postgres</c>)
    /// on connection string <c>clickhouse</c> or <c>fleet</c>, and migrates it at start unless
    /// <c>History:MigrateOnStart</c> is false.
    /// </summary>
    public static TBuilder AddFleetHistoryStore<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<HistoryStoreOptions>().BindConfiguration("History");
        builder.Services.AddSingleton<IHistoryStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<HistoryStoreOptions>>().Value;
            var configuration = sp.GetRequiredService<IConfiguration>();
            return options.Store switch
            {
                HistoryStoreKind.Postgres => new PostgresHistoryStore(ConnectionStrings.Require(configuration, "fleet"), options),
                _ => new ClickHouseHistoryStore(ConnectionStrings.Require(configuration, "clickhouse"), options),
            };
        });
        builder.Services.AddHostedService<HistoryMigrationService>();
        return builder;
    }
}
