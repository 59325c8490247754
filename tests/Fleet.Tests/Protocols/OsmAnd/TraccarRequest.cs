using System.Web;

namespace Fleet.Tests.Protocols.OsmAnd;

/// <summary>Turns a request line from Traccar's OsmAndProtocolDecoderTest ("/?id=..&amp;lat=..") into decoded pairs, as an HTTP server would.</summary>
internal static class TraccarRequest
{
    public static IReadOnlyList<KeyValuePair<string, string>> Query(string uri)
    {
        var query = HttpUtility.ParseQueryString(uri[(uri.IndexOf('?', StringComparison.Ordinal) + 1)..]);
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var key in query.AllKeys)
        {
            foreach (var value in query.GetValues(key) ?? [])
            {
                pairs.Add(new KeyValuePair<string, string>(key ?? string.Empty, value));
            }
        }

        return pairs;
    }
}
