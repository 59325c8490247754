using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Fleet.Realtime.Hubs;

/// <summary>The argument of <c>Subscribe({ bbox, companyIds, groupIds })</c>; names explicit for JSON and MessagePack.</summary>
[DataContract]
public sealed class MapSubscriptionRequest
{
    /// <summary>[minLon, minLat, maxLon, maxLat]; minLon &gt; maxLon crosses the antimeridian.</summary>
    [DataMember(Name = "bbox"), JsonPropertyName("bbox")] public IReadOnlyList<double>? Bbox { get; set; }

    [DataMember(Name = "companyIds"), JsonPropertyName("companyIds")] public IReadOnlyList<string>? CompanyIds { get; set; }

    [DataMember(Name = "groupIds"), JsonPropertyName("groupIds")] public IReadOnlyList<string>? GroupIds { get; set; }
}
