using System.Text;

namespace Fleet.Ingestion.Protocols.Wialon;

/// <summary>The device id (IMEI, id or serial number) becomes a Kafka key and a log field: keep it to a safe alphabet.</summary>
internal static class WialonDeviceId
{
    public const int MaxLength = 64;

    public static bool TryRead(ReadOnlySpan<byte> field, out string deviceId)
    {
        deviceId = string.Empty;
        if (field.IsEmpty || field.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in field)
        {
            var allowed = c is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'A' and <= (byte)'Z')
                or (>= (byte)'a' and <= (byte)'z') or (byte)'-' or (byte)'_' or (byte)'.';
            if (!allowed)
            {
                return false;
            }
        }

        deviceId = Encoding.ASCII.GetString(field);
        return true;
    }
}
