using System.Reflection;
using System.Runtime.InteropServices;

namespace Fleet.DevKafka.Native;

/// <summary>
/// The few librdkafka C functions the mock cluster needs (Confluent.Kafka does not expose them).
/// The library is the one librdkafka.redist ships; on Debian 12 its default build lacks libsasl2.so.3,
/// so we fall back to the CentOS 8 build exactly as Confluent.Kafka itself does.
/// </summary>
internal static partial class LibRdKafka
{
    private const string Library = "librdkafka";
    private static readonly string[] Candidates = ["librdkafka.so", "centos8-librdkafka.so", "alpine-librdkafka.so"];

    static LibRdKafka() => NativeLibrary.SetDllImportResolver(typeof(LibRdKafka).Assembly, Resolve);

    /// <summary>Forces the static constructor (and so the resolver) to run before the first call.</summary>
    public static void EnsureLoaded() { }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
        {
            return IntPtr.Zero;
        }

        foreach (var folder in CandidateFolders())
        {
            foreach (var file in Candidates)
            {
                var path = Path.Combine(folder, file);
                if (File.Exists(path) && NativeLibrary.TryLoad(path, out var handle))
                {
                    return handle;
                }
            }
        }

        throw new DllNotFoundException("librdkafka not found next to the application (runtimes/linux-x64/native).");
    }

    private static IEnumerable<string> CandidateFolders()
    {
        var baseDir = AppContext.BaseDirectory;
        yield return Path.Combine(baseDir, "runtimes", RuntimeInformation.RuntimeIdentifier, "native");
        yield return Path.Combine(baseDir, "runtimes", "linux-x64", "native");
        yield return baseDir;
    }

    [LibraryImport(Library)]
    public static partial IntPtr rd_kafka_conf_new();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int rd_kafka_conf_set(IntPtr conf, string name, string value, IntPtr errstr, UIntPtr errstrSize);

    [LibraryImport(Library)]
    public static partial IntPtr rd_kafka_new(int type, IntPtr conf, IntPtr errstr, UIntPtr errstrSize);

    [LibraryImport(Library)]
    public static partial void rd_kafka_destroy(IntPtr rk);

    [LibraryImport(Library)]
    public static partial IntPtr rd_kafka_mock_cluster_new(IntPtr rk, int brokerCount);

    [LibraryImport(Library)]
    public static partial void rd_kafka_mock_cluster_destroy(IntPtr mcluster);

    [LibraryImport(Library)]
    public static partial IntPtr rd_kafka_mock_cluster_bootstraps(IntPtr mcluster);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int rd_kafka_mock_topic_create(IntPtr mcluster, string topic, int partitionCount, int replicationFactor);

    [LibraryImport(Library)]
    public static partial int rd_kafka_mock_set_controller_id(IntPtr mcluster, int brokerId);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int rd_kafka_mock_broker_set_host_port(IntPtr mcluster, int brokerId, string host, int port);
}
