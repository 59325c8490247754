using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Fleet.Ingestion.Protocols.FleetJson;

/// <summary>
/// Parses an HTTP/MQTT body into a <see cref="JsonDocument"/>, turning malformed JSON into an error string that names
/// the byte offset. System.Text.Json reports malformed input only by throwing, so that catch lives here and nowhere else;
/// text it would only fail on later (bad UTF-8, lone surrogate escapes, which make GetString throw) is refused here too.
/// Shared by the Fleet JSON and OsmAnd JSON parsers.
/// </summary>
internal static class Utf8JsonBody
{
    /// <summary>Telemetry bodies are flat; a deep document is an attack, not data.</summary>
    public const int MaxDepth = 16;

    private static readonly JsonReaderOptions Options = new() { MaxDepth = MaxDepth };

    public static bool TryParse(ReadOnlySpan<byte> utf8, out JsonDocument? document, out string? error)
    {
        document = null;
        if (!Utf8.IsValid(utf8))
        {
            error = Invalid(FirstInvalidUtf8(utf8), "the body is not valid UTF-8");
            return false;
        }

        var reader = new Utf8JsonReader(utf8, Options);
        try
        {
            // First pass: syntax, depth, trailing data, and escapes that cannot become a .NET string.
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName
                    && reader.ValueIsEscaped && JsonEscapes.HasLoneSurrogate(reader.ValueSpan))
                {
                    error = Invalid(reader.TokenStartIndex, "a string escapes a lone UTF-16 surrogate");
                    return false;
                }
            }
        }
        catch (JsonException exception)
        {
            error = Invalid(Offset(utf8, exception.LineNumber, exception.BytePositionInLine), Reason(exception.Message));
            return false;
        }

        // Second pass cannot throw: the same bytes were just read through without error.
        var documentReader = new Utf8JsonReader(utf8, Options);
        document = JsonDocument.ParseValue(ref documentReader);
        error = null;
        return true;
    }

    private static string Invalid(long offset, string reason) =>
        string.Create(CultureInfo.InvariantCulture, $"invalid JSON at byte {offset}: {reason}");

    private static long FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        var offset = 0;
        while (offset < utf8.Length && Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            offset += consumed;
        }

        return offset;
    }

    private static long Offset(ReadOnlySpan<byte> utf8, long? lineNumber, long? bytePositionInLine)
    {
        var offset = 0;
        for (var line = 0L; line < (lineNumber ?? 0); line++)
        {
            var newline = utf8[offset..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                break;
            }

            offset += newline + 1;
        }

        return offset + (bytePositionInLine ?? 0);
    }

    /// <summary>The exception text ends with its own " LineNumber: ... | BytePositionInLine: ..." which the offset replaces.</summary>
    private static string Reason(string message)
    {
        var suffix = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return suffix < 0 ? message : message[..suffix];
    }
}
