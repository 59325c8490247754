using Fleet.History;
using Fleet.History.ClickHouse;
using Fleet.Tests.Infrastructure;

namespace Fleet.Tests.History;

/// <summary>The history contract on the real test ClickHouse (Debian's 18.16: the legacy DateTime + ms layout).</summary>
public sealed class ClickHouseHistoryStoreTests(ClickHouseFixture clickhouse) : HistoryStoreContractTests, IClassFixture<ClickHouseFixture>
{
    protected override IHistoryStore CreateStore(string table) =>
        new ClickHouseHistoryStore(clickhouse.ConnectionString, new HistoryStoreOptions { Table = table });

    [Theory]
    [InlineData("18.16.1", false)]
    [InlineData("20.3.21.2", false)]
    [InlineData("25.8.2.29", true)]
    public void SupportsDateTime64_ServerVersion_PicksLayout(string version, bool expected) =>
        Assert.Equal(expected, ClickHouseSchema.SupportsDateTime64(version));

    [Fact]
    public void Quote_HostileString_EscapesEveryQuoteAndBackslash() =>
        Assert.Equal(@"'a\'b\\\' OR 1=1 --'", ClickHouseLiteral.Quote(@"a'b\' OR 1=1 --"));

    [Fact]
    public async Task ReadVehicle_InjectionAttempt_MatchesNothing()
    {
        var read = await Store.ReadVehicleAsync("x' OR 1=1 OR vehicle_id='", DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
        Assert.Empty(read);
    }
}
