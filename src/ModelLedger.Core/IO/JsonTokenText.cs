using System.Text.Json;

namespace ModelLedger.IO
{
    /// <summary>A JSON token named for an error message ("an object", "a number").</summary>
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
    }
}
