using System.Globalization;
using Fleet.Bench.Ingestion;
using Fleet.Contracts;
using Fleet.DevKafka;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = BenchOptions.Parse(args);
Report.Line($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");

MockKafkaCluster? cluster = null;
var bootstrap = options.Bootstrap;
if (string.IsNullOrEmpty(bootstrap))
{
    cluster = MockKafkaCluster.Start();
    foreach (var (name, partitions) in Topics.All)
    {
        cluster.CreateTopic(name, partitions);
    }

    bootstrap = cluster.BootstrapServers;
    Report.Line($"librdkafka mock cluster in this process at {bootstrap}");
}

var ok = true;
try
{
    if (options.Runs("raw"))
    {
        var (delivered, failed, elapsed, bytes) = RawProduceBench.Run(bootstrap, options.Duration);
        var rate = delivered / elapsed.TotalSeconds;
        Report.Line($"raw librdkafka produce (gate config, {bytes}-byte messages): {delivered:N0} delivered, {failed} failed in {elapsed.TotalSeconds:F1} s = {rate:N0} msg/s");
        Report.Metric("raw_produce_per_s", rate);
    }

    if (options.Runs("load"))
    {
        ok &= await LoadBench.RunAsync(options, bootstrap);
    }

    if (options.Runs("connections"))
    {
        ok &= await ConnectionScaleBench.RunAsync(options, bootstrap);
    }
}
finally
{
    cluster?.Dispose();
}

Report.Line($"key prefix used in Redis: {options.KeyPrefix}");
return ok ? 0 : 1;
