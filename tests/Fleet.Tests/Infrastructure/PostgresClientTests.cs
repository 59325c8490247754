using Npgsql;
using NpgsqlTypes;

namespace Fleet.Tests.Infrastructure;

/// <summary>The real test PostgreSQL through Npgsql (what Aspire.Npgsql registers): DDL, binary COPY, query.</summary>
public sealed class PostgresClientTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task BinaryCopy_ThenQuery_ReturnsRowsInOrder()
    {
        await using (var ddl = postgres.DataSource.CreateCommand(
            "CREATE TABLE points (device_id text NOT NULL, time timestamptz NOT NULL, lat double precision, lon double precision, PRIMARY KEY (device_id, time))"))
        {
            await ddl.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var start = new DateTime(2026, 11, 26, 10, 0, 0, DateTimeKind.Utc);
        await using (var connection = await postgres.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken))
        await using (var writer = await connection.BeginBinaryImportAsync("COPY points (device_id, time, lat, lon) FROM STDIN (FORMAT BINARY)", TestContext.Current.CancellationToken))
        {
            for (var i = 0; i < 100; i++)
            {
                await writer.StartRowAsync(TestContext.Current.CancellationToken);
                await writer.WriteAsync("dev-1", NpgsqlDbType.Text, TestContext.Current.CancellationToken);
                await writer.WriteAsync(start.AddSeconds(i * 10), NpgsqlDbType.TimestampTz, TestContext.Current.CancellationToken);
                await writer.WriteAsync(55.75 + i * 1e-4, NpgsqlDbType.Double, TestContext.Current.CancellationToken);
                await writer.WriteAsync(37.61, NpgsqlDbType.Double, TestContext.Current.CancellationToken);
            }

            Assert.Equal(100UL, await writer.CompleteAsync(TestContext.Current.CancellationToken));
        }

        await using var query = postgres.DataSource.CreateCommand("SELECT count(*), max(lat), min(time) FROM points WHERE device_id = $1");
        query.Parameters.Add(new NpgsqlParameter { Value = "dev-1" });
        await using var reader = await query.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        Assert.Equal(100L, reader.GetInt64(0));
        Assert.Equal(55.75 + 99 * 1e-4, reader.GetDouble(1), 9);
        Assert.Equal(start, reader.GetDateTime(2).ToUniversalTime());
    }
}
