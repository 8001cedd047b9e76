namespace ModelLedger.IO;

/// <summary>Line numbers for error messages, computed only when asked (readers pass byte offsets around, not lines).</summary>
internal sealed class LazyLines
{
    private readonly byte[] _bytes;

    public LazyLines(byte[] bytes) => _bytes = bytes;

    public int LineAt(long offset)
    {
        var line = 1;
        var end = offset < _bytes.Length ? offset : _bytes.Length;
        for (var i = 0; i < end; i++)
            if (_bytes[i] == (byte)'\n') line++;
        return line;
    }
}
