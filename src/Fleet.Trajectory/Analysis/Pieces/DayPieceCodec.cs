using System.Text;

namespace Fleet.Trajectory.Analysis.Pieces;

/// <summary>
/// A <see cref="DayPiece"/> as bytes for the cache table: fixed-width binary (a month of pieces decodes in a few ms, where
/// JSON of the same vertices took tens). Times are UTC ticks. <see cref="Version"/> changes with the layout.
/// </summary>
internal static class DayPieceCodec
{
    public const byte Version = 1;

    public static byte[] Encode(DayPiece piece)
    {
        using var stream = new MemoryStream(64 + (piece.Vertices.Count * 32) + (piece.Segments.Count * 80));
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Version);
            w.Write(piece.Vertices.Count);
            foreach (var v in piece.Vertices)
            {
                w.Write(v.Time.UtcTicks);
                w.Write(v.Lat);
                w.Write(v.Lon);
                w.Write(v.Speed);
            }

            w.Write(piece.Segments.Count);
            foreach (var s in piece.Segments)
            {
                w.Write(s.IsMotion);
                w.Write(s.Start.UtcTicks);
                w.Write(s.End.UtcTicks);
                w.Write(s.StartLat);
                w.Write(s.StartLon);
                w.Write(s.EndLat);
                w.Write(s.EndLon);
                w.Write(s.DistanceMetres);
                w.Write(s.MovingSeconds);
                w.Write(s.MaxSpeed);
                w.Write(s.ContainsGap);
            }

            w.Write(piece.Events.Count);
            foreach (var e in piece.Events)
            {
                WriteEvent(w, e);
            }

            var t = piece.Totals;
            w.Write(t.CleanPointCount);
            w.Write(t.GpsMetres);
            w.Write(t.MovingSeconds);
            w.Write(t.MovingMetres);
            w.Write(t.MaxSpeed);
            var edges = piece.Edges;
            WritePoint(w, edges.First);
            WritePoint(w, edges.Last);
            WritePoint(w, edges.DriftAnchor);
            WriteTime(w, edges.FirstRecordTime);
            WriteTime(w, edges.LastRecordTime);
            w.Write(edges.FirstIgnition is not null);
            if (edges.FirstIgnition is { } ignition)
            {
                WriteEvent(w, ignition);
            }

            WriteBool(w, edges.LastIgnition);
            var o = piece.Odometer;
            w.Write(o.ReadingCount);
            w.Write(o.FirstKm);
            w.Write(o.FirstCumulativeMetres);
            w.Write(o.LastKm);
            w.Write(o.LastCumulativeMetres);
            WriteText(w, o.Inconsistency);
        }

        return stream.ToArray();
    }

    public static DayPiece Decode(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var r = new BinaryReader(stream, Encoding.UTF8);
        if (r.ReadByte() != Version)
        {
            throw new InvalidDataException("Unknown day piece layout.");
        }

        var vertices = new RoutePoint[r.ReadInt32()];
        for (var i = 0; i < vertices.Length; i++)
        {
            vertices[i] = new RoutePoint(Time(r.ReadInt64()), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
        }

        var segments = new MotionSegment[r.ReadInt32()];
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = new MotionSegment(
                r.ReadBoolean(), Time(r.ReadInt64()), Time(r.ReadInt64()), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(),
                r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadBoolean());
        }

        var events = new TrackEvent[r.ReadInt32()];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = ReadEvent(r);
        }

        var totals = new DayPieceTotals(r.ReadInt32(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
        var edges = new DayPieceEdges(
            ReadPoint(r), ReadPoint(r), ReadPoint(r), ReadTime(r), ReadTime(r), r.ReadBoolean() ? ReadEvent(r) : null, ReadBool(r));
        var odometer = new OdometerSpan(r.ReadInt32(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), ReadText(r));
        return new DayPiece(vertices, segments, events, totals, edges, odometer);
    }

    private static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    private static void WriteEvent(BinaryWriter w, TrackEvent e)
    {
        w.Write(e.Time.UtcTicks);
        w.Write((byte)e.Type);
        WriteText(w, e.Alarm);
        WriteDouble(w, e.Lat);
        WriteDouble(w, e.Lon);
    }

    private static TrackEvent ReadEvent(BinaryReader r) =>
        new(Time(r.ReadInt64()), (TrackEventType)r.ReadByte(), ReadText(r), ReadDouble(r), ReadDouble(r));

    /// <summary>Only what joining days reads of an edge point: time, position, speed, ignition.</summary>
    private static void WritePoint(BinaryWriter w, HistoryPoint? p)
    {
        w.Write(p is not null);
        if (p is not null)
        {
            w.Write(p.Time.UtcTicks);
            w.Write(p.Lat);
            w.Write(p.Lon);
            w.Write(p.Speed);
            WriteBool(w, p.Ignition);
        }
    }

    private static HistoryPoint? ReadPoint(BinaryReader r) => r.ReadBoolean()
        ? new HistoryPoint(Time(r.ReadInt64()), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), null, null, ReadBool(r), null, null, true, null, null)
        : null;

    private static void WriteTime(BinaryWriter w, DateTimeOffset? t) => w.Write(t?.UtcTicks ?? long.MinValue);

    private static DateTimeOffset? ReadTime(BinaryReader r) => r.ReadInt64() is var ticks && ticks == long.MinValue ? null : Time(ticks);

    private static void WriteBool(BinaryWriter w, bool? b) => w.Write(b switch { null => (byte)0, false => (byte)1, true => (byte)2 });

    private static bool? ReadBool(BinaryReader r) => r.ReadByte() switch { 0 => null, 1 => false, _ => true };

    private static void WriteDouble(BinaryWriter w, double? d) => w.Write(d ?? double.NaN);

    private static double? ReadDouble(BinaryReader r) => r.ReadDouble() is var d && double.IsNaN(d) ? null : d;

    private static void WriteText(BinaryWriter w, string? text)
    {
        w.Write(text is not null);
        if (text is not null)
        {
            w.Write(text);
        }
    }

    private static string? ReadText(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;
}
