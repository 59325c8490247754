using System.Globalization;
using System.Text.Json.Serialization;

namespace Fleet.Realtime.State;

/// <summary>
/// A map viewport in degrees. <see cref="MinLon"/> greater than <see cref="MaxLon"/> means the box crosses the
/// antimeridian (e.g. 170 → -170 is 20 degrees wide around 180).
/// </summary>
public readonly record struct BoundingBox(double MinLon, double MinLat, double MaxLon, double MaxLat)
{
    public static readonly BoundingBox World = new(-180, -90, 180, 90);

    [JsonIgnore]
    public bool CrossesAntimeridian => MinLon > MaxLon;

    [JsonIgnore]
    public double WidthDegrees => CrossesAntimeridian ? 360 - MinLon + MaxLon : MaxLon - MinLon;

    [JsonIgnore]
    public double HeightDegrees => MaxLat - MinLat;

    public bool Contains(double lon, double lat) =>
        lat >= MinLat && lat <= MaxLat
        && (CrossesAntimeridian ? lon >= MinLon || lon <= MaxLon : lon >= MinLon && lon <= MaxLon);

    /// <summary>The box as one or two boxes that do not cross the antimeridian.</summary>
    public IEnumerable<BoundingBox> Halves()
    {
        if (!CrossesAntimeridian)
        {
            yield return this;
            yield break;
        }

        yield return this with { MaxLon = 180 };
        yield return this with { MinLon = -180 };
    }

    /// <summary>Reads "minLon,minLat,maxLon,maxLat"; the error names what is wrong.</summary>
    public static bool TryParse(string? text, out BoundingBox box, out string error)
    {
        box = default;
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                error = "bbox must be four numbers: minLon,minLat,maxLon,maxLat";
                return false;
            }
        }

        return TryCreate(values, out box, out error);
    }

    /// <summary>Builds a box from [minLon, minLat, maxLon, maxLat] and checks every coordinate.</summary>
    public static bool TryCreate(IReadOnlyList<double>? values, out BoundingBox box, out string error)
    {
        box = default;
        if (values is not { Count: 4 })
        {
            error = "bbox must be four numbers: minLon,minLat,maxLon,maxLat";
            return false;
        }

        var candidate = new BoundingBox(values[0], values[1], values[2], values[3]);
        if (values.Any(v => !double.IsFinite(v))
            || Math.Abs(candidate.MinLon) > 180 || Math.Abs(candidate.MaxLon) > 180
            || Math.Abs(candidate.MinLat) > 90 || Math.Abs(candidate.MaxLat) > 90)
        {
            error = "bbox longitudes must be within [-180, 180] and latitudes within [-90, 90]";
            return false;
        }

        if (candidate.MinLat > candidate.MaxLat)
        {
            error = "bbox minLat must not be above maxLat (minLon > maxLon is allowed: it crosses the antimeridian)";
            return false;
        }

        box = candidate;
        error = "";
        return true;
    }

    /// <summary>Checks the size limits; the error names the limit.</summary>
    public bool TryCheckSize(double maxWidthDegrees, double maxHeightDegrees, out string error)
    {
        if (WidthDegrees > maxWidthDegrees || HeightDegrees > maxHeightDegrees)
        {
            error = string.Create(CultureInfo.InvariantCulture,
                $"bbox is {WidthDegrees:0.###}° wide and {HeightDegrees:0.###}° tall; the limit is {maxWidthDegrees}° × {maxHeightDegrees}°: zoom in");
            return false;
        }

        error = "";
        return true;
    }
}
