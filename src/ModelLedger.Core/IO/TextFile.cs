using System;
using System.IO;
using System.Text;

namespace ModelLedger.IO;

/// <summary>
/// Reads a text file as UTF-8 bytes whatever it was saved as. Windows PowerShell 5.1 writes UTF-16LE with
/// <c>Out-File</c> and UTF-8 with a BOM with <c>Set-Content -Encoding UTF8</c>; operators edit ledgers with both.
/// </summary>
internal static class TextFile
{
    /// <summary>Returns the file's content as UTF-8 without a byte-order mark. Throws on invalid UTF-8.</summary>
    public static byte[] ReadUtf8(string path)
    {
        var raw = File.ReadAllBytes(path);
        return ToUtf8(raw);
    }

    public static byte[] ToUtf8(byte[] raw)
    {
        if (raw.Length >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF)
        {
            var copy = new byte[raw.Length - 3];
            Buffer.BlockCopy(raw, 3, copy, 0, copy.Length);
            return Validate(copy);
        }
        if (raw.Length >= 2 && raw[0] == 0xFF && raw[1] == 0xFE)
            return Encoding.UTF8.GetBytes(new UnicodeEncoding(false, true, true).GetString(raw, 2, raw.Length - 2));
        if (raw.Length >= 2 && raw[0] == 0xFE && raw[1] == 0xFF)
            return Encoding.UTF8.GetBytes(new UnicodeEncoding(true, true, true).GetString(raw, 2, raw.Length - 2));
        return Validate(raw);
    }


    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private static byte[] Validate(byte[] bytes)
    {
        StrictUtf8.GetCharCount(bytes); // throws DecoderFallbackException on invalid UTF-8
        return bytes;
    }
}
