using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Fleet.Tests.Trajectory.Apis;

/// <summary>Development JWTs minted the way src/Fleet.AppHost/Infrastructure/DevTokens.cs does (HS256, fleet-dev/fleet).</summary>
public static class TestTokens
{
    public static readonly string SigningKeyHex = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    public static string ForCompanies(params string[] companies) => Mint(companies, admin: false);

    public static string Admin() => Mint([], admin: true);

    private static string Mint(string[] companies, bool admin)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new Dictionary<string, object>
        {
            ["iss"] = "fleet-dev", ["aud"] = "fleet", ["sub"] = "test-user", ["iat"] = now, ["exp"] = now + 3600, ["company"] = companies,
        };
        if (admin)
        {
            payload["role"] = "fleet-admin";
        }

        var header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8);
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = HMACSHA256.HashData(Convert.FromHexString(SigningKeyHex), Encoding.ASCII.GetBytes($"{header}.{body}"));
        return $"{header}.{body}.{Base64Url(signature)}";
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
