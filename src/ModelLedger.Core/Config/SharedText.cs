using System.Text;

namespace ModelLedger.Config
{
    /// <summary>Config values quoted in messages: control characters are shown escaped, so a hostile value stays one line of data.</summary>
    internal static class SharedText
    {
        /// <summary>How many characters of a value a message quotes; a 6 KB ConfigMap value is not a model ID.</summary>
        public const int QuoteLimit = 120;

        /// <summary>A value for a message: at most <see cref="QuoteLimit"/> characters, then "... (N characters)"; control characters escaped.</summary>
        public static string Quote(string value) => Visible(Shorten(value));

        /// <summary>At most <see cref="QuoteLimit"/> characters of the value, then "... (N characters)" with its full length.</summary>
        public static string Shorten(string value)
        {
            if (value.Length <= QuoteLimit) return value;
            var cut = char.IsHighSurrogate(value[QuoteLimit - 1]) ? QuoteLimit - 1 : QuoteLimit;
            return value.Substring(0, cut) + $"... ({value.Length} characters)";
        }

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
