using System.IO.Compression;
using ClickHouse.Driver.Compression;

namespace Fleet.ServiceDefaults.ClickHouse;

/// <summary>
/// HTTP gzip for inserts: the driver's default (zstd Content-Encoding) is unknown to ClickHouse 18.16, gzip works on
/// every version. Only the stream methods are used on the HTTP path.
/// </summary>
public sealed class GZipClickHouseCompressor : IClickHouseCompressor
{
    public static readonly GZipClickHouseCompressor Instance = new();

    public string ContentEncoding => "gzip";

    public byte MethodByte => 0;

    public Stream Compress(Stream destination, bool leaveOpen) => new GZipStream(destination, CompressionLevel.Fastest, leaveOpen);

    public Stream Decompress(Stream source, bool leaveOpen) => new GZipStream(source, CompressionMode.Decompress, leaveOpen);

    public int MaxEncodedLength(int sourceLength) => throw new NotSupportedException("block compression is not used over HTTP");

    public int Encode(ReadOnlySpan<byte> source, Span<byte> target) => throw new NotSupportedException("block compression is not used over HTTP");

    public int Decode(ReadOnlySpan<byte> source, Span<byte> target) => throw new NotSupportedException("block compression is not used over HTTP");
}
