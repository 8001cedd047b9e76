using System;
using System.IO;

namespace ModelLedger.Config
{
    public enum ConfigFormat
    {
        Json,
        Yaml,
        DotEnv,
    }

    public static class ConfigFormats
    {
        /// <summary>
        /// The format a file name implies: .json/.jsonc JSON, .yaml/.yml YAML, .env or a name ending in ".env"
        /// (prod.env, .env) dotenv. Null when the name says nothing.
        /// </summary>
        public static ConfigFormat? FromPath(string path)
        {
            var name = Path.GetFileName(path);
            var ext = Path.GetExtension(name);
            if (Is(ext, ".json") || Is(ext, ".jsonc")) return ConfigFormat.Json;
            if (Is(ext, ".yaml") || Is(ext, ".yml")) return ConfigFormat.Yaml;
            if (Is(ext, ".env") || name.EndsWith(".env", StringComparison.OrdinalIgnoreCase)) return ConfigFormat.DotEnv;
            return null;
        }

        private static bool Is(string ext, string wanted) => string.Equals(ext, wanted, StringComparison.OrdinalIgnoreCase);
    }
}
