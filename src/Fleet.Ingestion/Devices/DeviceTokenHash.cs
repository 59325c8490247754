using System.Security.Cryptography;
using System.Text;

namespace Fleet.Ingestion.Devices;

/// <summary>Device tokens are stored only as SHA-256 hex; compare in constant time.</summary>
public static class DeviceTokenHash
{
    public static string Compute(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool Matches(string? token, string? expectedHex)
    {
        if (token is null || expectedHex is null || expectedHex.Length != SHA256.HashSizeInBytes * 2)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(token), actual);
        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        return Convert.FromHexString(expectedHex, expected, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == expected.Length
            && CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
