using System.Text;

namespace ModelLedger.Config
{
    /// <summary>Config values quoted in messages: control characters are shown escaped, so a hostile value stays one line of data.</summary>
    internal static class SharedText
    {
        public static string Visible(string value)
        {
            StringBuilder? sb = null;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (!char.IsControl(c)) { sb?.Append(c); continue; }
                sb ??= new StringBuilder(value, 0, i, value.Length + 8);
                sb.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) });
            }
            return sb?.ToString() ?? value;
        }
    }
}
