using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using ModelLedger.Config;

namespace ModelLedger.Gate;

/// <summary>
/// Config files of one release checkout, each read and parsed at most once; a load failure is remembered too.
/// <see cref="Preload"/> reads the files a ledger names in parallel: with hundreds of small files the gate waits
/// on opening them more than on parsing them.
/// </summary>
internal sealed class ConfigFileCache
{
    private readonly string _root;
    private readonly ConcurrentDictionary<string, (ConfigFile? File, ModelLedgerException? Error)> _files = new(StringComparer.Ordinal);

    public ConfigFileCache(string root) => _root = root;

    public string FullPath(string relativePath) => Path.Combine(_root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public void Preload(IEnumerable<ConfigRef> refs)
    {
        var distinct = new Dictionary<string, ConfigRef>(StringComparer.Ordinal);
        foreach (var r in refs)
            if (!distinct.ContainsKey(r.Path)) distinct[r.Path] = r;
        Parallel.ForEach(distinct.Values, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) },
            r => Get(r, out _, out _));
    }

    public ConfigFile? Get(ConfigRef r, out string fullPath, out ModelLedgerException? error)
    {
        fullPath = FullPath(r.Path);
        var loaded = _files.GetOrAdd(r.Path, _ => Load(_root, FullPath(r.Path), r.Format));
        error = loaded.Error;
        return loaded.File;
    }

    /// <summary>The file at a ref path, if it loads without error.</summary>
    public ConfigFile? GetByPath(string relativePath) =>
        _files.GetOrAdd(relativePath, p => Load(_root, FullPath(p), ConfigFormats.FromPath(p))).File;

    /// <summary>How many files were read and parsed (tests check each is parsed once).</summary>
    public int Loads => _loads;

    /// <summary>The entries and items walked to index every loaded file (tests check the gate stays linear).</summary>
    public long IndexWork
    {
        get
        {
            long n = 0;
            foreach (var loaded in _files.Values) n += loaded.File?.Index.Visited ?? 0;
            return n;
        }
    }

    private int _loads;

    private (ConfigFile?, ModelLedgerException?) Load(string root, string fullPath, ConfigFormat? format)
    {
        System.Threading.Interlocked.Increment(ref _loads);
        try
        {
            if (System.IO.File.Exists(fullPath)) ConfigPathResolver.RequireInside(root, fullPath);
            return (ConfigFile.Load(fullPath, format), null);
        }
        catch (ModelLedgerException ex) { return (null, ex); }
    }
}
