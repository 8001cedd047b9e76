using System.Collections.Generic;
using System.Text;

namespace ModelLedger.Config;

/// <summary>
/// Reads a dotenv file (docker compose's .env) into one mapping of variable name to value: <c>KEY=value</c>,
/// an optional <c>export </c>, single quotes (literal), double quotes (with \ escapes, may span lines), and
/// <c>#</c> comments (whole-line, or after whitespace following an unquoted value).
/// </summary>
internal static class DotEnvConfigTree
{
    public static ConfigNode Read(string path, string text, int bomBytes)
    {
        RequireOneReading(path, text, bomBytes);
        var root = ConfigNode.Mapping(1);
        var i = 0;
        var line = 1;
        var bytes = new Utf8Cursor(text, bomBytes);
        while (i < text.Length)
        {
            SkipBlanks(text, ref i);
            if (i >= text.Length) break;
            if (text[i] == '\n' || text[i] == '\r' || text[i] == '#') { SkipToNextLine(text, ref i, ref line); continue; }
            if (string.CompareOrdinal(text, i, "export", 0, 6) == 0 && i + 6 < text.Length && text[i + 6] is ' ' or '\t')
            {
                i += 6;
                SkipBlanks(text, ref i);
            }
            var nameStart = i;
            while (i < text.Length && IsNameChar(text[i])) i++;
            var name = text.Substring(nameStart, i - nameStart);
            SkipBlanks(text, ref i);
            if (name.Length == 0 || i >= text.Length || text[i] != '=')
                throw ConfigErrors.Invalid(path, line, null, $"line {line} is not KEY=value.",
                    "Write one variable per line as NAME=value (optionally 'export NAME=value'); start comments with '#'.");
            i++;
            SkipBlanks(text, ref i);
            var keyNode = ConfigNode.Scalar(name, null, ScalarStyle.DotEnvUnquoted, line, bytes.ByteAt(nameStart), Encoding.UTF8.GetByteCount(name));
            var valueLine = line;
            ConfigNode value;
            if (i < text.Length && (text[i] == '"' || text[i] == '\''))
            {
                var quote = text[i];
                var contentStart = ++i;
                var sb = new StringBuilder();
                while (true)
                {
                    if (i >= text.Length)
                        throw ConfigErrors.Invalid(path, valueLine, name, $"the {(quote == '"' ? "double" : "single")} quote that starts '{name}' is never closed.", "Close the quote on the value.");
                    var c = text[i];
                    if (c == quote) break;
                    if (c == '\n') line++;
                    if (quote == '"' && c == '\\' && i + 1 < text.Length)
                    {
                        var e = text[i + 1];
                        sb.Append(e switch { 'n' => '\n', 'r' => '\r', 't' => '\t', _ => e });
                        i += 2;
                        continue;
                    }
                    sb.Append(c);
                    i++;
                }
                var contentEnd = i++;
                var start = bytes.ByteAt(contentStart);
                value = ConfigNode.Scalar(sb.ToString(), null, quote == '"' ? ScalarStyle.DotEnvDoubleQuoted : ScalarStyle.DotEnvSingleQuoted,
                    valueLine, start, bytes.ByteAt(contentEnd) - start);
                value.MultiLine = line != valueLine;
                SkipBlanks(text, ref i);
                if (i < text.Length && text[i] != '#' && text[i] != '\r' && text[i] != '\n')
                    throw ConfigErrors.Invalid(path, line, name, $"text follows the closing quote of '{name}'.", "Put only a '#' comment after a quoted value.");
            }
            else
            {
                var contentStart = i;
                var end = i;
                while (i < text.Length && text[i] != '\n' && text[i] != '\r')
                {
                    if (text[i] == '#' && i > contentStart && text[i - 1] is ' ' or '\t') break;
                    i++;
                    if (text[i - 1] is not ' ' and not '\t') end = i;
                }
                var start = bytes.ByteAt(contentStart);
                value = ConfigNode.Scalar(text.Substring(contentStart, end - contentStart), null, ScalarStyle.DotEnvUnquoted, valueLine, start, bytes.ByteAt(end) - start);
            }
            root.Entries!.Add(new KeyValuePair<ConfigNode, ConfigNode>(keyNode, value));
            SkipToNextLine(text, ref i, ref line);
        }
        return root;
    }

    // Bytes dotenv readers disagree on are refused, never read one way: python-dotenv takes a BOM into the first
    // name ('\ufeffMODEL', so MODEL is unset) and a lone CR as a line break; compose-go reads the CR as part of the value.
    private static void RequireOneReading(string path, string text, int bomBytes)
    {
        if (bomBytes > 0)
            throw ConfigErrors.Invalid(path, 1, null, "line 1 starts with a UTF-8 byte order mark; python-dotenv reads it as part of the first variable's name, so the application would not see that variable.",
                "Save the .env file as UTF-8 without BOM.");
        var line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') line++;
            else if (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))
                throw ConfigErrors.Invalid(path, line, null, $"line {line} holds a carriage return (CR) that does not end the line with LF; dotenv readers disagree about whether it starts a new line.",
                    "Save the .env file with LF or CRLF line endings only.");
        }
    }

    private static bool IsNameChar(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.' or '-';

    private static void SkipBlanks(string text, ref int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t') i++;
    }

    private static void SkipToNextLine(string text, ref int i, ref int line)
    {
        while (i < text.Length && text[i] != '\n') i++;
        if (i < text.Length) { i++; line++; }
    }
}
