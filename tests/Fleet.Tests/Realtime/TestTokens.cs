using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Fleet.Tests.Realtime;

/// <summary>Development-shaped JWTs (HS256, issuer fleet-dev, audience fleet), as <c>./fleet token</c> mints them.</summary>
public static class TestTokens
{
    /// <summary>A per-run signing key, handed to the hosts as Auth:DevSigningKeyHex.</summary>
    public static string SigningKeyHex { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    public static string Admin() => Mint([], admin: true);

    public static string ForCompanies(params string[] companies) => Mint(companies, admin: false);

    public static string Mint(IReadOnlyList<string> companies, bool admin, string? signingKeyHex = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new Dictionary<string, object>
        {
            ["iss"] = "fleet-dev",
            ["aud"] = "fleet",
            ["sub"] = "test-user",
            ["iat"] = now,
            ["exp"] = now + 3600,
            ["company"] = companies,
        };
        if (admin)
        {
            payload["role"] = "fleet-admin";
        }

        var header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8);
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = HMACSHA256.HashData(Convert.FromHexString(signingKeyHex ?? SigningKeyHex), Encoding.ASCII.GetBytes($"{header}.{body}"));
        return $"{header}.{body}.{Base64Url(signature)}";
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
