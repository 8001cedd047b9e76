using System;
using System.Collections.Generic;

namespace ModelLedger.Runner
{
    /// <summary>One argument for the script: named (-Name value, -Name:value, -Switch) or positional.</summary>
    public sealed record ScriptArgument(string? Name, object? Value);

    /// <summary>Parses the words after the script path the way pwsh -File does for the common cases.</summary>
    public static class ScriptArguments
    {
        public static List<ScriptArgument> Parse(IReadOnlyList<string> words)
        {
            var result = new List<ScriptArgument>();
            for (var i = 0; i < words.Count; i++)
            {
                var word = words[i];
                if (word.Length > 1 && word[0] == '-' && !char.IsDigit(word[1]))
                {
                    var colon = word.IndexOf(':');
                    if (colon > 0)
                    {
                        result.Add(new ScriptArgument(word.Substring(1, colon - 1), Literal(word.Substring(colon + 1))));
                    }
                    else if (i + 1 < words.Count && !(words[i + 1].Length > 1 && words[i + 1][0] == '-' && !char.IsDigit(words[i + 1][1])))
                    {
                        result.Add(new ScriptArgument(word.Substring(1), words[i + 1]));
                        i++;
                    }
                    else
                    {
                        result.Add(new ScriptArgument(word.Substring(1), true));
                    }
                }
                else
                {
                    result.Add(new ScriptArgument(null, word));
                }
            }
            return result;
        }

        // -Switch:$false and -Switch:false both turn a switch off, as in pwsh.
        private static object Literal(string text) => text.Trim().ToLowerInvariant() switch
        {
            "$true" or "true" => true,
            "$false" or "false" => false,
            _ => text,
        };
    }
}
