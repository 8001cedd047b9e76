namespace ModelLedger.Config;

/// <summary>
/// Byte offsets in a UTF-8 file of character indexes in its decoded text. Readers ask in file order, so the
/// walk is linear overall; asking for an earlier index restarts from the beginning.
/// </summary>
internal sealed class Utf8Cursor
{
    private readonly string _text;
    private readonly int _bomBytes;
    private int _char;
    private int _byte;

    public Utf8Cursor(string text, int bomBytes)
    {
        _text = text;
        _bomBytes = bomBytes;
        _byte = bomBytes;
    }

    public int ByteAt(int charIndex)
    {
        if (charIndex < _char) { _char = 0; _byte = _bomBytes; }
        for (; _char < charIndex; _char++)
        {
            var c = _text[_char];
            // A surrogate pair is 4 bytes: 2 for each half.
            _byte += c < 0x80 ? 1 : c < 0x800 ? 2 : char.IsSurrogate(c) ? 2 : 3;
        }
        return _byte;
    }
}
