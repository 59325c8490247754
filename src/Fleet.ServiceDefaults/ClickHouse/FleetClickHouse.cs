using ClickHouse.Driver;
using ClickHouse.Driver.ADO;
using ClickHouse.Driver.Copy;

namespace Fleet.ServiceDefaults.ClickHouse;

/// <summary>
/// Creates ClickHouse.Driver clients that work on both Debian's ClickHouse 18.16 and current releases
/// (ENVIRONMENT.md): no JSON type negotiation, no compression codecs 18.16 lacks. Reads must name an explicit
/// FORMAT through <see cref="ClickHouseClient.ExecuteRawResultAsync"/>; inserts use RowBinary with explicit column types.
/// </summary>
public static class FleetClickHouse
{
    public static ClickHouseClient CreateClient(string connectionString) =>
        new(new ClickHouseClientSettings(connectionString)
        {
            JsonReadMode = JsonReadMode.None,
            JsonWriteMode = JsonWriteMode.None,
            UseCompression = false,
        });

    /// <summary>RowBinary inserts with the given column types (18.16 has no RowBinaryWithDefaults, no schema query).</summary>
    public static InsertOptions RowBinary(IReadOnlyDictionary<string, string> columnTypes) => new()
    {
        Format = RowBinaryFormat.RowBinary,
        ColumnTypes = columnTypes,
        UseSchemaCache = false,
        Compressor = GZipClickHouseCompressor.Instance,
    };

    /// <summary>Runs a statement that returns no rows, e.g. DDL.</summary>
    public static async Task ExecuteAsync(this ClickHouseClient client, string sql, CancellationToken ct = default)
    {
        using var result = await client.ExecuteRawResultAsync(sql, null, ct);
        _ = await result.ReadAsStringAsync();
    }

    /// <summary>Runs a query with an explicit <c>FORMAT TabSeparated</c> and returns its rows as fields.</summary>
    public static async Task<IReadOnlyList<string[]>> QueryTsvAsync(this ClickHouseClient client, string sql, CancellationToken ct = default)
    {
        using var result = await client.ExecuteRawResultAsync(sql + " FORMAT TabSeparated", null, ct);
        var text = await result.ReadAsStringAsync();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')).ToList();
    }
}
