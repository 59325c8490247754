using System.Globalization;
using Fleet.Bench.Trajectory;

// dotnet run -c Release --project bench/Fleet.Bench.Trajectory -- [vehicles=1000] [days=1] [postgresVehicles=100] [runs=20]
// FLEET_BENCH_KEEP=1 keeps the scratch databases and reuses their data on the next run (no reload).
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
var (vehicles, days, postgresVehicles, runs) = (Arg(0, 1000), Arg(1, 1), Arg(2, 100), Arg(3, 20));
var clickhouse = Environment.GetEnvironmentVariable("FLEET_BENCH_CLICKHOUSE") ?? "Host=127.0.0.1;Port=18123;Username=default";
var postgres = Environment.GetEnvironmentVariable("FLEET_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=15432;Username=postgres;Password=fleet-test";
var keep = Environment.GetEnvironmentVariable("FLEET_BENCH_KEEP") == "1";
// A second scratch database keeps a full-size load apart from the everyday one.
var database = Environment.GetEnvironmentVariable("FLEET_BENCH_DATABASE") ?? "fleet_bench";

Console.WriteLine("| store | measurement | result |");
Console.WriteLine("|---|---|---|");
if (vehicles > 0)
{
    using var target = await BenchTarget.ClickHouseAsync(clickhouse, database, keep);
    await new BenchRunner(target, vehicles, days, runs).RunAsync(Console.Out);
    await new DayRouteBench(target.Store, postgres, vehicles, runs).RunAsync(target.Name, BenchRunner.FirstDay, Console.Out);
    if (BenchRunner.FleetSections)
    {
        await new MaterializedSummaryBench(target.Store, postgres, vehicles, runs).RunAsync(target.Name, BenchRunner.FirstDay, Console.Out);
    }

    if (!keep)
    {
        await target.DropAsync();
    }
}

if (postgresVehicles > 0)
{
    using var target = await BenchTarget.PostgresAsync(postgres, "fleet_bench", keep);
    await new BenchRunner(target, postgresVehicles, days, runs).RunAsync(Console.Out);
    await new MaterializedSummaryBench(target.Store, postgres, postgresVehicles, runs).RunAsync(target.Name, BenchRunner.FirstDay, Console.Out);
    if (!keep)
    {
        await target.DropAsync();
    }
}
