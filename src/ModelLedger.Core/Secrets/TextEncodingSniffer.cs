using System.Text;

namespace ModelLedger.Secrets;

/// <summary>
/// Which Unicode encoding a text file uses: by its byte-order mark, else by where its NUL bytes fall (ASCII text
/// in UTF-16 has one NUL beside every character), else UTF-8. Ledgers are documented as JSON or CSV in any of
/// these, and a Windows editor or PowerShell 5.1's Out-File writes UTF-16 by default.
/// </summary>
internal static class TextEncodingSniffer
{
    public static Encoding Detect(byte[] b, out int preambleLength)
    {
        preambleLength = 0;
        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) { preambleLength = 4; return new UTF32Encoding(false, false); }
        if (b.Length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF) { preambleLength = 4; return new UTF32Encoding(true, false); }
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) { preambleLength = 3; return new UTF8Encoding(false); }
        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE) { preambleLength = 2; return new UnicodeEncoding(false, false); }
        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF) { preambleLength = 2; return new UnicodeEncoding(true, false); }
        int evenNuls = 0, oddNuls = 0;
        var sample = b.Length < 4096 ? b.Length : 4096;
        for (var i = 0; i < sample; i++)
            if (b[i] == 0) { if (i % 2 == 0) evenNuls++; else oddNuls++; }
        if (oddNuls > sample / 4 && evenNuls == 0) return new UnicodeEncoding(false, false);
        if (evenNuls > sample / 4 && oddNuls == 0) return new UnicodeEncoding(true, false);
        return new UTF8Encoding(false);
    }
}
