namespace ModelLedger.IO;

/// <summary>
/// Turns byte offsets into 1-based line numbers for error messages. Offsets must be asked for in increasing
/// order (as a forward reader produces them), so the whole file is scanned once.
/// </summary>
internal sealed class LineCounter
{
    private readonly byte[] _bytes;
    private long _offset;
    private int _line = 1;

    public LineCounter(byte[] bytes) => _bytes = bytes;

    public int LineAt(long offset)
    {
        if (offset < _offset) { _offset = 0; _line = 1; }
        if (offset > _bytes.Length) offset = _bytes.Length;
        for (var i = _offset; i < offset; i++)
            if (_bytes[i] == (byte)'\n') _line++;
        _offset = offset;
        return _line;
    }
}
