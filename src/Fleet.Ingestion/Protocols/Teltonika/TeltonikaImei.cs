using System.Text;

namespace Fleet.Ingestion.Protocols.Teltonika;

/// <summary>The device identity Teltonika sends as ASCII digits behind a 2-byte length (TCP login and UDP header).</summary>
internal static class TeltonikaImei
{
    /// <summary>15-digit IMEI; 16/17 leave room for IMEISV-style ids some firmware sends.</summary>
    public const int MinLength = 15;
    public const int MaxLength = 17;

    public static bool IsPlausibleLength(int length) => length is >= MinLength and <= MaxLength;

    public static bool TryRead(ReadOnlySpan<byte> digits, out string imei)
    {
        imei = string.Empty;
        if (!IsPlausibleLength(digits.Length))
        {
            return false;
        }

        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        imei = Encoding.ASCII.GetString(digits);
        return true;
    }
}
