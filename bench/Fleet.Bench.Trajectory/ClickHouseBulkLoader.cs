using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Text;
using Fleet.History;
using Fleet.History.ClickHouse;
using Fleet.ServiceDefaults.ClickHouse;

namespace Fleet.Bench.Trajectory;

/// <summary>
/// Bench-only bulk load: the same rows Processing writes, serialised straight to RowBinary in the 18.16 table layout and
/// POSTed over HTTP, so setting up hundreds of millions of points does not take hours through the service write path.
/// </summary>
internal sealed class ClickHouseBulkLoader(string connectionString, string table) : IDisposable
{
    private readonly ClickHouseEndpoint _endpoint = ClickHouseEndpoint.Parse(connectionString);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(10) };
    private readonly MemoryStream _buffer = new();

    public static bool Supports(ClickHouseSchema schema) => !schema.DateTime64;

    public void Add(HistoryRecord r)
    {
        WriteString(r.VehicleId);
        WriteString(r.DeviceId);
        WriteString(r.CompanyId);
        WriteTime(r.DeviceTime);
        WriteTime(r.ServerTime);
        WriteDouble(r.Lat);
        WriteDouble(r.Lon);
        _buffer.WriteByte(r.Valid ? (byte)1 : (byte)0);
        WriteNullable(r.Speed);
        WriteNullable(r.Heading);
        WriteNullable(r.Altitude);
        if (r.Satellites is { } satellites)
        {
            _buffer.WriteByte(0);
            Span<byte> bytes = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(bytes, satellites);
            _buffer.Write(bytes);
        }
        else
        {
            _buffer.WriteByte(1);
        }

        WriteNullable(r.Hdop);
        if (r.Ignition is { } on)
        {
            _buffer.WriteByte(0);
            _buffer.WriteByte(on ? (byte)1 : (byte)0);
        }
        else
        {
            _buffer.WriteByte(1);
        }

        WriteNullable(r.Fuel);
        WriteNullable(r.Odometer);
        WriteString(r.Alarm);
        WriteString(r.AttributesJson);
    }

    public long BufferedBytes => _buffer.Length;

    public async Task FlushAsync()
    {
        if (_buffer.Length == 0)
        {
            return;
        }

        var query = Uri.EscapeDataString($"INSERT INTO {table} FORMAT RowBinary");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint.BaseUri, $"?database={_endpoint.Database}&query={query}"));
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_endpoint.Username}:{_endpoint.Password}")));
        request.Content = new ByteArrayContent(_buffer.GetBuffer(), 0, (int)_buffer.Length);
        using var response = await _http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
        }

        _buffer.SetLength(0);
    }

    public void Dispose()
    {
        _http.Dispose();
        _buffer.Dispose();
    }

    private void WriteTime(DateTimeOffset time)
    {
        var ms = time.ToUnixTimeMilliseconds();
        Span<byte> bytes = stackalloc byte[6];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)(ms / 1000));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes[4..], (ushort)(ms % 1000));
        _buffer.Write(bytes);
    }

    private void WriteDouble(double value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
        _buffer.Write(bytes);
    }

    private void WriteNullable(double? value)
    {
        _buffer.WriteByte(value is null ? (byte)1 : (byte)0);
        if (value is { } v)
        {
            WriteDouble(v);
        }
    }

    private void WriteString(string? value)
    {
        var bytes = Encoding.UTF8.GetBytes(value ?? "");
        var length = (uint)bytes.Length;
        while (length >= 0x80)
        {
            _buffer.WriteByte((byte)(length | 0x80));
            length >>= 7;
        }

        _buffer.WriteByte((byte)length);
        _buffer.Write(bytes);
    }
}
