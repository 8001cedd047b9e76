using System.Text.Json;

namespace ModelLedger.IO
{
    /// <summary>JSON tokens and parser messages as error messages quote them.</summary>
    internal static class JsonTokenText
    {
        public static string WithArticle(JsonTokenType t) => t switch
        {
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.Null => "null",
            _ => t.ToString(),
        };

        /// <summary>
        /// A System.Text.Json exception message without the " LineNumber: n | BytePositionInLine: m." it appends (the
        /// error names the line itself) and without its closing full stop, to be quoted inside a sentence.
        /// </summary>
        public static string WithoutPosition(string message)
        {
            var cut = message.IndexOf(" LineNumber:", System.StringComparison.Ordinal);
            return (cut > 0 ? message.Substring(0, cut) : message).TrimEnd('.', ' ');
        }
    }
}
