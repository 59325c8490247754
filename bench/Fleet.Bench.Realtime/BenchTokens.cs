using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Fleet.Bench.Realtime;

/// <summary>Development-shaped admin JWT (HS256) for the benchmark's own signing key.</summary>
internal static class BenchTokens
{
    public static string SigningKeyHex { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    public static string Admin()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new Dictionary<string, object>
        {
            ["iss"] = "fleet-dev", ["aud"] = "fleet", ["sub"] = "bench", ["iat"] = now, ["exp"] = now + 7200,
            ["company"] = Array.Empty<string>(), ["role"] = "fleet-admin",
        };
        var header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8);
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = HMACSHA256.HashData(Convert.FromHexString(SigningKeyHex), Encoding.ASCII.GetBytes($"{header}.{body}"));
        return $"{header}.{body}.{Base64Url(signature)}";
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
