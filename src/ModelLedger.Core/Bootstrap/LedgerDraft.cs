using System;
using System.Collections.Generic;
using System.Linq;
using ModelLedger.Config;
using ModelLedger.Gate;

namespace ModelLedger.Bootstrap;

/// <summary>Why a config value the scan found is not in the draft.</summary>
internal enum UnusedKind
{
    /// <summary>Another ID of a drafted service: its rollback ID or emergency alternative, for a human to classify.</summary>
    OtherModelId,

    /// <summary>Nothing in the repository names the service it is for.</summary>
    NoServiceName,

    /// <summary>It is the service's name (a LiteLLM model_name), not an ID the service sends.</summary>
    ServiceName,

    /// <summary>The gate could not read the suggested ref back to this ID, so it is not written.</summary>
    NotReadBack,
}

/// <summary>A config value holding a listed model ID that the draft does not use, and why.</summary>
internal sealed class UnusedValue
{
    public UnusedValue(ModelReference reference, UnusedKind kind, string reason)
    {
        Reference = reference;
        Kind = kind;
        Reason = reason;
    }

    public ModelReference Reference { get; }
    public UnusedKind Kind { get; }
    public string Reason { get; }
}

/// <summary>One drafted entry and what named its service.</summary>
internal sealed class DraftEntry
{
    public DraftEntry(LedgerEntry entry, string namedBy)
    {
        Entry = entry;
        NamedBy = namedBy;
    }

    public LedgerEntry Entry { get; }
    public string NamedBy { get; }
}

/// <summary>
/// New-ModelLedger's draft: one entry per service the repository names, its current ID the one its model keys hold
/// and its configRefs every suggested ref that holds that ID, each read back by the gate's own reader
/// (<see cref="ReleaseCheckout"/>) before it is kept. What a human must decide (owner unless given, rollback ID, use
/// case, how it was validated) stays empty, so the gate names it; every config value not used is listed with why.
/// </summary>
internal sealed class LedgerDraft
{
    private LedgerDraft(List<DraftEntry> entries, List<UnusedValue> unused, List<ModelReference> outsideConfig)
    {
        Entries = entries;
        Unused = unused;
        OutsideConfig = outsideConfig;
    }

    public IReadOnlyList<DraftEntry> Entries { get; }
    public IReadOnlyList<UnusedValue> Unused { get; }

    /// <summary>Hits that are not a whole config value (code, prose, a template): no ref points at them.</summary>
    public IReadOnlyList<ModelReference> OutsideConfig { get; }

    /// <param name="root">The repository folder the references' config refs are relative to.</param>
    /// <param name="references">Find-ModelReference's output over <paramref name="root"/>, in file order.</param>
    /// <param name="namer">Names services from the repository's files.</param>
    /// <param name="owner">The owner every entry gets; null leaves it for review.</param>
    public static LedgerDraft Build(string root, IEnumerable<ModelReference> references, ServiceNamer namer, string? owner)
    {
        var unused = new List<UnusedValue>();
        var outside = new List<ModelReference>();
        // Case-insensitive, as the ledger compares service names; the first spelling found is kept.
        var byService = new Dictionary<string, ServiceValues>(StringComparer.OrdinalIgnoreCase);
        var order = new List<ServiceValues>();
        var reader = new ReleaseCheckout(root);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var reference in references)
        {
            if (reference.ConfigRef == null)
            {
                outside.Add(reference);
                continue;
            }
            if (!seen.Add(reference.ConfigRef)) continue;
            ConfigRef parsed;
            try { parsed = ConfigRef.ParseSyntax(reference.ConfigRef); }
            catch (ConfigRefSyntaxException ex)
            {
                unused.Add(new UnusedValue(reference, UnusedKind.NotReadBack, $"the suggested ref is not valid ref syntax ({ex.Message})"));
                continue;
            }
            var problem = ReadBack(reader, reference);
            if (problem != null)
            {
                unused.Add(new UnusedValue(reference, UnusedKind.NotReadBack, "the gate cannot read the suggested ref back: " + problem));
                continue;
            }
            var name = namer.Name(parsed.Path, parsed, out var whyNot);
            if (name == null)
            {
                unused.Add(new UnusedValue(reference, UnusedKind.NoServiceName, whyNot!));
                continue;
            }
            if (name.ValueIsTheName)
            {
                unused.Add(new UnusedValue(reference, UnusedKind.ServiceName, $"it is the LiteLLM model_name that names service '{name.Name}' (the alias clients ask the proxy for), not the ID sent upstream"));
                continue;
            }
            // Trimmed, as the ledger's reader compares names: " web" and "web" are one service, never two entries.
            var key = name.Name.Trim();
            if (key.Length == 0)
            {
                unused.Add(new UnusedValue(reference, UnusedKind.NoServiceName, $"the name {name.Source} gives is empty"));
                continue;
            }
            if (!byService.TryGetValue(key, out var values))
            {
                byService[key] = values = new ServiceValues(new ServiceName(key, name.Source));
                order.Add(values);
            }
            values.Found.Add((reference, parsed));
        }

        var entries = new List<DraftEntry>();
        foreach (var service in order.OrderBy(s => s.Name.Name, StringComparer.OrdinalIgnoreCase))
        {
            var current = CurrentId(service.Found);
            var refs = service.Found.Where(f => string.Equals(f.Reference.ModelId, current, StringComparison.Ordinal)).Select(f => f.Reference.ConfigRef!).ToArray();
            var others = service.Found.Where(f => !string.Equals(f.Reference.ModelId, current, StringComparison.Ordinal)).ToList();
            foreach (var (reference, _) in others)
                unused.Add(new UnusedValue(reference, UnusedKind.OtherModelId,
                    $"service '{service.Name.Name}' is drafted with current ID '{current}'; this other ID may be its rollback ID or emergency alternative: record it with Set-ModelLedgerEntry"));
            var entry = new LedgerEntry
            {
                Service = service.Name.Name,
                CurrentModelId = current,
                Owner = owner,
                ConfigRefs = refs,
                Notes = others.Count == 0 ? null
                    : "Also in this service's config (rollback ID or emergency alternative?): "
                      + string.Join("; ", others.Select(o => $"{o.Reference.ModelId} at {o.Reference.ConfigRef}")),
            };
            entries.Add(new DraftEntry(entry, service.Name.Source));
        }
        return new LedgerDraft(entries, unused, outside);
    }

    // The gate's reader, on this one ref: null when it reads back exactly the ID the scan found there.
    private static string? ReadBack(ReleaseCheckout reader, ModelReference reference)
    {
        var probe = new LedgerEntry { Service = "bootstrap", CurrentModelId = reference.ModelId, ConfigRefs = new[] { reference.ConfigRef! } };
        var reading = reader.Read(probe).Refs.Single();
        return reading.Problem;
    }

    /// <summary>
    /// The ID the service sends: the one most of its model keys hold (a key named like "model" and not like a
    /// fallback), then the one most of its values hold, then the first found.
    /// </summary>
    private static string CurrentId(List<(ModelReference Reference, ConfigRef Parsed)> found)
    {
        var ids = found.Select(f => f.Reference.ModelId).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 1) return ids[0];
        return ids
            .Select((id, index) => (id, index,
                modelKeys: found.Count(f => f.Reference.ModelId == id && IsModelKey(f.Parsed.Key)),
                all: found.Count(f => f.Reference.ModelId == id)))
            .OrderByDescending(x => x.modelKeys).ThenByDescending(x => x.all).ThenBy(x => x.index)
            .First().id;
    }

    private static readonly string[] NotCurrent = { "fallback", "rollback", "backup", "previous", "emergency", "secondary", "legacy" };

    internal static bool IsModelKey(ConfigKeyPath key)
    {
        var last = key.Segments.LastOrDefault(s => s.Kind == KeySegmentKind.Name)?.Name;
        if (last == null) return false;
        var letters = new string(last.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
        if (NotCurrent.Any(w => letters.Contains(w))) return false;
        return letters.EndsWith("model", StringComparison.Ordinal) || letters.EndsWith("modelid", StringComparison.Ordinal) || letters.EndsWith("modelname", StringComparison.Ordinal);
    }

    private sealed class ServiceValues
    {
        public ServiceValues(ServiceName name) => Name = name;

        public ServiceName Name { get; }
        public List<(ModelReference Reference, ConfigRef Parsed)> Found { get; } = new();
    }
}
