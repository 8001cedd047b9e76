using System;
using System.Collections.Generic;
using System.IO;
using ModelLedger.Config;

namespace ModelLedger.Gate
{
    /// <summary>Config files of one release checkout, each read and parsed at most once; a load failure is remembered too.</summary>
    internal sealed class ConfigFileCache
    {
        private readonly string _root;
        private readonly Dictionary<string, (ConfigFile? File, ModelLedgerException? Error)> _files = new(StringComparer.Ordinal);

        public ConfigFileCache(string root) => _root = root;

        public string FullPath(string relativePath) => Path.Combine(_root, relativePath.Replace('/', Path.DirectorySeparatorChar));

        public ConfigFile? Get(ConfigRef r, out string fullPath, out ModelLedgerException? error)
        {
            fullPath = FullPath(r.Path);
            if (!_files.TryGetValue(r.Path, out var loaded))
            {
                try { loaded = (ConfigFile.Load(fullPath, r.Format), null); }
                catch (ModelLedgerException ex) { loaded = (null, ex); }
                _files[r.Path] = loaded;
            }
            error = loaded.Error;
            return loaded.File;
        }

        /// <summary>The file at a ref path, if it was loaded (or loads) without error.</summary>
        public ConfigFile? GetByPath(string relativePath)
        {
            if (_files.TryGetValue(relativePath, out var loaded)) return loaded.File;
            var format = ConfigFormats.FromPath(relativePath);
            try { loaded = (ConfigFile.Load(FullPath(relativePath), format), null); }
            catch (ModelLedgerException ex) { loaded = (null, ex); }
            _files[relativePath] = loaded;
            return loaded.File;
        }
    }
}
