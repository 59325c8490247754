using System.Buffers;

namespace Fleet.History;

/// <summary>
/// Time-sorted <see cref="TrackRow"/>s in an array rented from the shared pool: a month is ~35 MB of rows, which as a
/// fresh array per request lands on the large-object heap and brings on full collections. Dispose returns the array.
/// </summary>
public sealed class TrackRows : IDisposable
{
    private TrackRow[] _array;

    /// <summary>Rents room for <paramref name="count"/> rows; the store fills <see cref="Writable"/>, then calls <see cref="SortByTime"/>.</summary>
    internal TrackRows(int count)
    {
        _array = count == 0 ? [] : ArrayPool<TrackRow>.Shared.Rent(count);
        Count = count;
    }

    public int Count { get; }

    public ReadOnlySpan<TrackRow> Span => _array.AsSpan(0, Count);

    internal Span<TrackRow> Writable => _array.AsSpan(0, Count);

    public void Dispose()
    {
        if (_array.Length > 0)
        {
            // Only the used part holds alarm strings worth releasing; the rest was cleared on a previous return.
            Array.Clear(_array, 0, Count);
            ArrayPool<TrackRow>.Shared.Return(_array);
            _array = [];
        }
    }

    /// <summary>Sorts by time with a primitive key (ties keep no particular order), skipping rows already in order.</summary>
    internal void SortByTime()
    {
        var rows = Writable;
        var sorted = true;
        for (var i = 1; i < rows.Length && sorted; i++)
        {
            sorted = rows[i - 1].TimeMs <= rows[i].TimeMs;
        }

        if (sorted)
        {
            return;
        }

        var keys = ArrayPool<long>.Shared.Rent(rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            keys[i] = rows[i].TimeMs;
        }

        keys.AsSpan(0, rows.Length).Sort(rows);
        ArrayPool<long>.Shared.Return(keys);
    }
}
