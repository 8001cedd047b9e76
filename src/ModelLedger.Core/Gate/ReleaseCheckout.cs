using System;
using System.Collections.Generic;
using System.Linq;
using ModelLedger.Config;
using ModelLedger.ModelIds;
using ModelLedger.Rendering;

namespace ModelLedger.Gate;

/// <summary>
/// Test-ModelLedger -ConfigRoot: reads every config ref of the ledger from a release checkout, each file parsed
/// once however many refs point into it. With a baseline checkout it also tells a model change alone from one that
/// ships with other changes in the same file (the runbook's "model identifier and unrelated routing logic").
/// </summary>
internal sealed class ReleaseCheckout
{
    private readonly ConfigFileCache _release;
    private readonly ConfigFileCache? _baseline;
    private readonly Dictionary<string, List<ConfigRef>> _refsByFile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _otherChangesByFile = new(StringComparer.Ordinal);

    public ReleaseCheckout(string root, string? baselineRoot = null)
    {
        Root = root;
        BaselineRoot = baselineRoot;
        _release = new ConfigFileCache(root);
        if (baselineRoot != null) _baseline = new ConfigFileCache(baselineRoot);
    }

    public string Root { get; }
    public string? BaselineRoot { get; }

    /// <summary>The release checkout's files and the baseline's (tests count the work done on them).</summary>
    internal ConfigFileCache ReleaseFiles => _release;
    internal ConfigFileCache? BaselineFiles => _baseline;

    /// <summary>
    /// The ledger's refs, before any entry is judged: every ref's key counts as a model ID, never as "another value
    /// that changed", when two services share one file (a LiteLLM model_list).
    /// </summary>
    public void Register(IEnumerable<LedgerEntry> entries)
    {
        foreach (var entry in entries)
            foreach (var text in entry.ConfigRefs ?? Array.Empty<string>())
            {
                var parsed = TryParse(text);
                if (parsed == null) continue;
                if (!_refsByFile.TryGetValue(parsed.Path, out var list)) _refsByFile[parsed.Path] = list = new List<ConfigRef>();
                list.Add(parsed);
            }
        _release.Preload(_refsByFile.Values.SelectMany(list => list));
    }

    internal ReleaseReading Read(LedgerEntry entry)
    {
        var reading = new ReleaseReading();
        foreach (var text in entry.ConfigRefs ?? Array.Empty<string>())
        {
            var refReading = new RefReading(text);
            reading.Refs.Add(refReading);
            ConfigRef parsed;
            try
            {
                parsed = ConfigRef.ParseSyntax(text);
            }
            catch (ConfigRefSyntaxException ex)
            {
                refReading.Problem = $"the config ref is not valid: {ex.Message} {Ledger.LedgerFields.ConfigRefFix}";
                continue;
            }
            ReadRef(entry, parsed, refReading);
            if (_baseline != null && refReading.ModelId != null) CompareWithBaseline(parsed, refReading.ModelId, reading);
        }
        return reading;
    }

    private void ReadRef(LedgerEntry entry, ConfigRef parsed, RefReading reading)
    {
        reading.Where = parsed.Path;
        var file = _release.Get(parsed, out var fullPath, out var loadError);
        reading.Location = fullPath;
        if (file == null)
        {
            reading.Problem = loadError!.ErrorId == ErrorIds.DryRunConfigNotFound
                ? $"the release has no file '{parsed.Path}' under '{Root}'. Fix the ref's path, or ship the file."
                : loadError.Message;
            if (loadError.Line is int l) { reading.Location = $"{fullPath}:{l}"; reading.Where = $"{parsed.Path} line {l}"; }
            return;
        }
        ConfigScalarLocation at;
        try
        {
            at = file.Locate(parsed.Document, parsed.Key);
        }
        catch (ModelLedgerException ex)
        {
            reading.Problem = ex.Message;
            if (ex.Line is int l) { reading.Location = $"{fullPath}:{l}"; reading.Where = $"{parsed.Path} line {l}"; }
            return;
        }
        reading.Location = $"{fullPath}:{at.Line}";
        reading.Where = $"{parsed.Path} line {at.Line}";
        if (!at.IsString)
        {
            reading.Problem = $"'{parsed.Key}' holds {at.Describe()}, not a model ID string.";
            return;
        }
        var value = at.Value!;
        var current = entry.CurrentModelId;
        if (!parsed.Template.TryExtract(value, out var id))
        {
            var expected = current == null ? "" : $" (the ledger's current ID through it is '{parsed.Template.Apply(current)}')";
            reading.Problem = $"'{parsed.Key}' holds '{UntrustedText.Excerpt(value)}', which does not fit the template '{parsed.Template}'{expected}.";
            return;
        }
        reading.ModelId = id;
        if (current == null || string.Equals(id, current, StringComparison.Ordinal)) return;
        var hint = string.Equals(id, entry.RollbackModelId, StringComparison.Ordinal)
            ? " That is the ledger's rollback ID: the release still ships the previous model, or the ledger was promoted before the config."
            : new ModelIdHints(new[] { current }).For(id).Count > 0
                ? " A near miss of the ledger's current ID (case, whitespace, a version suffix or look-alike characters): still a different model."
                : "";
        reading.Problem = $"'{parsed.Key}' holds '{UntrustedText.Excerpt(id)}' but the ledger's current ID is '{current}'.{hint}{LookAlikes.Describe(id)}{LookAlikes.Describe(current)}";
    }

    private void CompareWithBaseline(ConfigRef parsed, string releaseId, ReleaseReading reading)
    {
        var before = _baseline!.Get(parsed, out _, out _);
        string? baselineId = null;
        if (before != null)
        {
            try
            {
                var at = before.Locate(parsed.Document, parsed.Key);
                if (at.IsString && parsed.Template.TryExtract(at.Value!, out var id)) baselineId = id;
            }
            catch (ModelLedgerException) { }
        }
        if (string.Equals(baselineId, releaseId, StringComparison.Ordinal)) return;
        reading.ModelChanged = true;
        var others = OtherChanges(parsed.Path);
        if (others.Count == 0) return;
        reading.RoutingChanged = true;
        foreach (var key in others)
        {
            var item = $"{parsed.Path}: {key}";
            if (!reading.OtherChanges.Contains(item)) reading.OtherChanges.Add(item);
        }
    }

    // Keys whose value differs between the baseline and the release file, the ledger's model ID keys excepted.
    private IReadOnlyList<string> OtherChanges(string relativePath)
    {
        if (_otherChangesByFile.TryGetValue(relativePath, out var cached)) return cached;
        var probe = _refsByFile.TryGetValue(relativePath, out var refs) ? refs : new List<ConfigRef>();
        var release = _release.GetByPath(relativePath);
        var baseline = _baseline!.GetByPath(relativePath);
        IReadOnlyList<string> result;
        if (release == null) result = Array.Empty<string>();
        else if (baseline == null) result = new[] { "(the whole file: it is new in this release)" };
        else
        {
            var modelKeys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var r in probe)
            {
                AddModelKey(release, r, modelKeys);
                AddModelKey(baseline, r, modelKeys);
            }
            var now = release.Flatten();
            var then = baseline.Flatten();
            result = now.Keys.Union(then.Keys)
                .Where(k => !modelKeys.Contains(k))
                .Where(k => !now.TryGetValue(k, out var a) || !then.TryGetValue(k, out var b) || !string.Equals(a, b, StringComparison.Ordinal))
                .OrderBy(k => k, StringComparer.Ordinal)
                .ToList();
        }
        _otherChangesByFile[relativePath] = result;
        return result;
    }

    private static void AddModelKey(ConfigFile file, ConfigRef r, HashSet<string> keys)
    {
        try
        {
            var at = file.Locate(r.Document, r.Key);
            keys.Add(file.DocumentCount > 1 ? $"@{r.Document}:{at.ConcretePath}" : at.ConcretePath);
        }
        catch (ModelLedgerException) { }
    }

    private static ConfigRef? TryParse(string text)
    {
        try { return ConfigRef.ParseSyntax(text); }
        catch (ConfigRefSyntaxException) { return null; }
    }
}
