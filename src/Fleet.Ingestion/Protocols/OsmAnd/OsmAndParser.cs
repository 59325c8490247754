namespace Fleet.Ingestion.Protocols.OsmAnd;

/// <summary>
/// OsmAnd / Traccar Client protocol over HTTP, parsing only: the endpoint hands in the decoded query or form pairs,
/// or the raw JSON body (Content-Type application/json, Traccar Client 9+). Units follow Traccar's decoder:
/// query speed in knots, JSON speed in m/s; both come out in km/h.
/// </summary>
public static class OsmAndParser
{
    /// <param name="parameters">Decoded query-string or form pairs, repeated keys allowed (the last one wins).</param>
    /// <param name="receivedAt">
    /// Time to use when the request has no "timestamp" (Traccar uses its clock; OsmAnd and some Traccar Client builds omit it).
    /// Null rejects such requests.
    /// </param>
    public static OsmAndParseResult ParseQuery(IEnumerable<KeyValuePair<string, string>> parameters, DateTimeOffset? receivedAt = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return OsmAndQueryParser.Parse(parameters, receivedAt);
    }

    public static OsmAndParseResult ParseJson(ReadOnlySpan<byte> utf8) => OsmAndJsonParser.Parse(utf8);
}
