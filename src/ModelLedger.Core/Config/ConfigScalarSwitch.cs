using System;
using System.Text;
using ModelLedger.IO;

namespace ModelLedger.Config
{
    /// <summary>
    /// Rewrites one scalar's characters in its own quoting style and nothing else. When that is impossible (an
    /// alias or shared anchor, a block or multi-line scalar, a value that would need different quotes) it refuses
    /// with DryRunConfigUnsupported. Every result is parsed again and must hold exactly the new value at the key.
    /// </summary>
    public static class ConfigScalarSwitch
    {
        public static byte[] Replace(ConfigScalarLocation at, string newValue)
        {
            var path = at.File.Path;
            var key = at.Key.Text;
            if (at.SharedReason != null) throw ConfigErrors.Unsupported(path, at.Line, key, "switching it in place would change more than this key: " + at.SharedReason);
            if (at.Node.MultiLine || at.Style == ScalarStyle.YamlBlock)
                throw ConfigErrors.Unsupported(path, at.Line, key, "the value is a block or multi-line scalar; replacing its characters would change how it folds.");
            var encoded = Encode(at, newValue);
            var content = at.File.Content;
            var bytes = Encoding.UTF8.GetBytes(encoded);
            var result = new byte[content.Length - at.ByteLength + bytes.Length];
            Buffer.BlockCopy(content, 0, result, 0, at.ByteStart);
            Buffer.BlockCopy(bytes, 0, result, at.ByteStart, bytes.Length);
            Buffer.BlockCopy(content, at.ByteStart + at.ByteLength, result, at.ByteStart + bytes.Length, content.Length - at.ByteStart - at.ByteLength);
            Verify(at, result, newValue);
            return result;
        }

        private static string Encode(ConfigScalarLocation at, string value)
        {
            string? refused = null;
            string encoded = value;
            switch (at.Style)
            {
                case ScalarStyle.JsonString:
                    encoded = JsonTokenText.Escape(value);
                    break;
                case ScalarStyle.YamlPlain:
                    refused = PlainYamlProblem(value, at.Node.Flow);
                    break;
                case ScalarStyle.YamlSingleQuoted:
                    if (HasLineBreak(value)) refused = "a line break in a single-quoted scalar would fold into a space.";
                    encoded = value.Replace("'", "''");
                    break;
                case ScalarStyle.YamlDoubleQuoted:
                    encoded = EscapeYamlDouble(value);
                    break;
                case ScalarStyle.DotEnvUnquoted:
                    if (value.Length == 0 || value.IndexOfAny(new[] { ' ', '\t', '\r', '\n', '#', '"', '\'', '\\', '$', '`' }) >= 0)
                        refused = "an unquoted .env value cannot hold whitespace, '#', quotes, '\\', '$' or '`' without changing how compose reads it.";
                    break;
                case ScalarStyle.DotEnvDoubleQuoted:
                    if (value.IndexOfAny(new[] { '"', '\\', '$', '`', '\r', '\n' }) >= 0)
                        refused = "a double-quoted .env value would need escapes or interpolation rules for '\"', '\\', '$', '`' or a line break, which dotenv readers disagree on.";
                    break;
                case ScalarStyle.DotEnvSingleQuoted:
                    if (value.IndexOfAny(new[] { '\'', '\r', '\n' }) >= 0) refused = "a single-quoted .env value cannot hold a quote or a line break.";
                    break;
                default:
                    refused = $"it holds {at.Describe()}, not a string.";
                    break;
            }
            if (refused != null)
                throw ConfigErrors.Unsupported(at.File.Path, at.Line, at.Key.Text, $"the new value '{SharedText.Visible(value)}' cannot be written in the scalar's {Style(at.Style)} style: {refused}");
            return encoded;
        }

        // A plain scalar holds the value only if YAML reads it back as that same string.
        private static string? PlainYamlProblem(string value, bool inFlow)
        {
            if (value.Length == 0) return "an empty plain scalar reads as null.";
            if (YamlScalarType.OfPlain(value) is { } type) return $"written plain it would read as {type}.";
            if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[value.Length - 1])) return "leading or trailing whitespace is dropped from a plain scalar.";
            if ("-?:,[]{}#&*!|>'\"%@`".IndexOf(value[0]) >= 0 && !(value.Length > 1 && value[0] is '-' or '?' or ':' && !char.IsWhiteSpace(value[1]) && !inFlow))
                return $"a plain scalar cannot start with '{value[0]}'.";
            if (value.IndexOf(": ", StringComparison.Ordinal) >= 0 || value.EndsWith(":", StringComparison.Ordinal) || value.IndexOf(" #", StringComparison.Ordinal) >= 0)
                return "': ' or ' #' inside a plain scalar changes its meaning.";
            if (HasLineBreak(value) || value.IndexOf('\t') >= 0) return "a plain scalar cannot hold a line break or tab.";
            if (inFlow && value.IndexOfAny(new[] { ',', '[', ']', '{', '}' }) >= 0) return "inside a flow collection a plain scalar cannot hold , [ ] { or }.";
            return null;
        }

        // YAML double quotes take the same escapes as JSON, with \xXX for the other control characters.
        private static string EscapeYamlDouble(string value) =>
            JsonTokenText.EscapeDoubleQuoted(value, c => char.IsControl(c) ? "\\x" + ((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture) : null);

        private static bool HasLineBreak(string value) => value.IndexOf('\n') >= 0 || value.IndexOf('\r') >= 0;

        private static string Style(ScalarStyle style) => style switch
        {
            ScalarStyle.JsonString => "JSON string",
            ScalarStyle.YamlPlain => "plain (unquoted) YAML",
            ScalarStyle.YamlSingleQuoted => "single-quoted YAML",
            ScalarStyle.YamlDoubleQuoted => "double-quoted YAML",
            ScalarStyle.DotEnvUnquoted => "unquoted .env",
            ScalarStyle.DotEnvSingleQuoted => "single-quoted .env",
            ScalarStyle.DotEnvDoubleQuoted => "double-quoted .env",
            _ => style.ToString(),
        };

        // Belt and braces: the switched file must parse and hold exactly the new value, in the same style, at the key.
        private static void Verify(ConfigScalarLocation at, byte[] switched, string newValue)
        {
            ConfigScalarLocation again;
            try
            {
                again = ConfigFile.Parse(at.File.Path, switched, at.File.Format).Locate(at.Document, at.Key);
            }
            catch (ModelLedgerException ex)
            {
                throw ConfigErrors.Unsupported(at.File.Path, at.Line, at.Key.Text, $"with '{SharedText.Visible(newValue)}' written in place the file no longer reads the same way ({ex.Message}).");
            }
            if (!again.IsString || !string.Equals(again.Value, newValue, StringComparison.Ordinal) || again.Style != at.Style || again.ConcretePath != at.ConcretePath)
                throw ConfigErrors.Unsupported(at.File.Path, at.Line, at.Key.Text, $"with '{SharedText.Visible(newValue)}' written in place the key would read as '{SharedText.Visible(again.Value ?? again.Describe())}'.");
        }
    }
}
