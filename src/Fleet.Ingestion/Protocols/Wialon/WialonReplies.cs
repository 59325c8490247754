using System.Text;

namespace Fleet.Ingestion.Protocols.Wialon;

/// <summary>Server answers: "#A" + packet type + "#" + code + CRLF (e.g. "#AD#1\r\n", "#AP#\r\n").</summary>
internal static class WialonReplies
{
    /// <summary>A fresh array per call: replies travel through the pipeline and must not share a mutable buffer.</summary>
    public static byte[] Answer(string type, string code) => Encoding.ASCII.GetBytes("#A" + type + "#" + code + "\r\n");
}
