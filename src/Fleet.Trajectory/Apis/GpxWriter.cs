using System.Globalization;
using System.Text;
using System.Xml;
using Fleet.Trajectory.Analysis;

namespace Fleet.Trajectory.Apis;

/// <summary>GPX 1.1 (topografix.com/GPX/1/1): one track of the route's points, and one waypoint per stop.</summary>
internal static class GpxWriter
{
    public const string Namespace = "http://www.topografix.com/GPX/1/1";

    public static byte[] Write(string vehicleId, RouteResult route)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("gpx", Namespace);
            xml.WriteAttributeString("version", "1.1");
            xml.WriteAttributeString("creator", "Fleet.Trajectory");
            xml.WriteStartElement("metadata", Namespace);
            xml.WriteElementString("name", Namespace, vehicleId);
            xml.WriteEndElement();

            // Schema order: wpt before trk.
            foreach (var stop in route.Stops)
            {
                WritePoint(xml, "wpt", stop.Lat, stop.Lon, stop.Start);
                xml.WriteElementString("name", Namespace, "stop");
                xml.WriteElementString("desc", Namespace, $"{stop.DurationS.ToString("0", CultureInfo.InvariantCulture)} s, until {Time(stop.End)}");
                xml.WriteEndElement();
            }

            xml.WriteStartElement("trk", Namespace);
            xml.WriteElementString("name", Namespace, vehicleId);
            xml.WriteStartElement("trkseg", Namespace);
            foreach (var point in route.Points)
            {
                WritePoint(xml, "trkpt", point.Lat, point.Lon, point.Time);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return stream.ToArray();
    }

    private static void WritePoint(XmlWriter xml, string element, double lat, double lon, DateTimeOffset time)
    {
        xml.WriteStartElement(element, Namespace);
        xml.WriteAttributeString("lat", lat.ToString("R", CultureInfo.InvariantCulture));
        xml.WriteAttributeString("lon", lon.ToString("R", CultureInfo.InvariantCulture));
        xml.WriteElementString("time", Namespace, Time(time));
    }

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
