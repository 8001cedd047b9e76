using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelLedger.DryRun
{
    /// <summary>
    /// A dotted property path into a JSON config: "llm.chat.model", "services.0.model" (a numeric segment selects an
    /// array item). Property names compare exactly (ordinal), as the application reading the file would.
    /// </summary>
    public sealed class ConfigKeyPath
    {
        private ConfigKeyPath(string text, string[] segments)
        {
            Text = text;
            Segments = segments;
        }

        public string Text { get; }

        public IReadOnlyList<string> Segments { get; }

        public static ConfigKeyPath Parse(string text)
        {
            var segments = (text ?? "").Split('.');
            if (segments.Any(s => s.Length == 0))
                throw new ModelLedgerException(ErrorIds.DryRunConfigKeyNotFound, FailureCategory.InvalidArgument,
                    $"-ConfigKey '{text}' is not a dotted property path. Name the JSON property that holds the model ID, for example 'llm.chat.model' or 'services.0.model' (a number selects an array item).")
                {
                    Target = text,
                    Field = text,
                    RecommendedAction = "Name the JSON property that holds the model ID, for example 'llm.chat.model'.",
                };
            return new ConfigKeyPath(text!, segments);
        }

        internal static string Join(IEnumerable<string> segments) => string.Join(".", segments);

        public override string ToString() => Text;
    }
}
