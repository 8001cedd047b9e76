using System;
using System.Text;

namespace ModelLedger.Ledger.Editing;

/// <summary>
/// A ledger file's bytes split into its encoding (BOM or UTF-16 as saved) and its UTF-8 body, so an edit works on
/// UTF-8 and writes back in exactly the encoding the file had.
/// </summary>
internal sealed class LedgerBytes
{
    private enum Form { Utf8, Utf8Bom, Utf16Le, Utf16Be }

    private readonly Form _form;

    private LedgerBytes(Form form, byte[] body)
    {
        _form = form;
        Body = body;
    }

    /// <summary>The content as UTF-8 without a byte-order mark.</summary>
    public byte[] Body { get; }

    public static LedgerBytes Split(byte[] raw)
    {
        if (raw.Length >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF) return new(Form.Utf8Bom, IO.TextFile.ToUtf8(raw));
        if (raw.Length >= 2 && raw[0] == 0xFF && raw[1] == 0xFE) return new(Form.Utf16Le, IO.TextFile.ToUtf8(raw));
        if (raw.Length >= 2 && raw[0] == 0xFE && raw[1] == 0xFF) return new(Form.Utf16Be, IO.TextFile.ToUtf8(raw));
        return new(Form.Utf8, IO.TextFile.ToUtf8(raw));
    }

    public static LedgerBytes NewUtf8(byte[] body) => new(Form.Utf8, body);

    /// <summary>The edited body, encoded as the original file was.</summary>
    public byte[] Encode(byte[] body)
    {
        switch (_form)
        {
            case Form.Utf8Bom:
                var withBom = new byte[body.Length + 3];
                withBom[0] = 0xEF; withBom[1] = 0xBB; withBom[2] = 0xBF;
                Buffer.BlockCopy(body, 0, withBom, 3, body.Length);
                return withBom;
            case Form.Utf16Le:
            case Form.Utf16Be:
                var encoding = new UnicodeEncoding(_form == Form.Utf16Be, true);
                var text = Encoding.UTF8.GetString(body);
                var preamble = encoding.GetPreamble();
                var bytes = encoding.GetBytes(text);
                var all = new byte[preamble.Length + bytes.Length];
                Buffer.BlockCopy(preamble, 0, all, 0, preamble.Length);
                Buffer.BlockCopy(bytes, 0, all, preamble.Length, bytes.Length);
                return all;
            default:
                return body;
        }
    }
}
