using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Fleet.AppHost.Infrastructure;

/// <summary>
/// Development JWTs (HS256) signed with the generated key in <c>.fleet/secrets/jwt-signing.key</c>.
/// <c>./fleet token</c> mints the same shape in bash; the services validate issuer, audience, lifetime and signature.
/// </summary>
internal static class DevTokens
{
    public const string Issuer = "fleet-dev";
    public const string Audience = "fleet";

    public static string Mint(string signingKeyHex, string subject, IReadOnlyList<string> companies, bool admin, TimeSpan lifetime)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["sub"] = subject,
            ["iat"] = now,
            ["exp"] = now + (long)lifetime.TotalSeconds,
            ["company"] = companies,
        };
        if (admin)
        {
            payload["role"] = "fleet-admin";
        }

        var header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8);
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = HMACSHA256.HashData(Convert.FromHexString(signingKeyHex), Encoding.ASCII.GetBytes($"{header}.{body}"));
        return $"{header}.{body}.{Base64Url(signature)}";
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
