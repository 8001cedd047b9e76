using System;
using System.Text;
using ModelLedger.Config;
using ModelLedger.IO;

namespace ModelLedger.DryRun
{
    /// <summary>
    /// Finds the JSON string that a <see cref="ConfigKeyPath"/> names inside a config file's bytes, so the dry run can
    /// change exactly the characters of that value and nothing else (indentation, key order, comments, line endings and
    /// BOM all stay as written). The JSON face of <see cref="ConfigFile"/>, which reads YAML and .env the same way.
    /// </summary>
    public static class JsonConfigLocator
    {
        public static JsonStringSlot Find(string configPath, byte[] content, ConfigKeyPath key)
        {
            var located = ConfigFile.Parse(configPath, content, ConfigFormat.Json).Locate(null, key);
            RequireString(located);
            return new JsonStringSlot(located.ByteStart, located.ByteLength, located.Value!, located.Line);
        }

        /// <summary>A mapping, sequence, number, boolean or null is not a model ID: DryRunConfigInvalid naming what it is.</summary>
        internal static void RequireString(ConfigScalarLocation located)
        {
            if (!located.IsString)
                throw Invalid(located.File.Path, located.Line, located.Key.Text, $"holds {located.Describe()} at '{located.Key.Text}', not a model ID string.",
                    "Point the key at the value that is the model ID string.");
        }

        /// <summary>The config's bytes with the slot's characters replaced by <paramref name="value"/> (JSON-escaped); every other byte unchanged.</summary>
        public static byte[] Replace(byte[] content, JsonStringSlot slot, string value)
        {
            var encoded = Encoding.UTF8.GetBytes(JsonTokenText.Escape(value));
            var result = new byte[content.Length - slot.Length + encoded.Length];
            Buffer.BlockCopy(content, 0, result, 0, slot.Start);
            Buffer.BlockCopy(encoded, 0, result, slot.Start, encoded.Length);
            Buffer.BlockCopy(content, slot.Start + slot.Length, result, slot.Start + encoded.Length, content.Length - slot.Start - slot.Length);
            return result;
        }

        internal static ModelLedgerException Invalid(string configPath, int? line, string? field, string problem, string fix, Exception? inner = null) =>
            FileErrors.Invalid(ErrorIds.DryRunConfigInvalid, "Config", configPath, line, field, problem, fix, inner);
    }
}
