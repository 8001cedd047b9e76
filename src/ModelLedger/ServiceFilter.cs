using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace ModelLedger.Commands;

/// <summary>
/// A -Service parameter applied to ledger entries (names compare case-insensitively). A name equal to a ledger
/// service selects exactly that service, so 'router[eu]' never selects 'routere'; any other name is a wildcard
/// pattern. Tracks which names selected nothing and which are invalid patterns, for the cmdlet to report.
/// </summary>
internal sealed class ServiceFilter
{
    private readonly string[] _names;
    private readonly WildcardPattern?[] _patterns;   // null: no wildcard characters, or not a valid pattern
    private readonly string?[] _invalid;   // why a name is not a valid pattern
    private readonly bool[] _selected;
    private readonly HashSet<string> _services = new(StringComparer.OrdinalIgnoreCase);

    public ServiceFilter(string[]? names)
    {
        Active = names != null;
        _names = names ?? Array.Empty<string>();
        _patterns = new WildcardPattern?[_names.Length];
        _invalid = new string?[_names.Length];
        _selected = new bool[_names.Length];
        for (var i = 0; i < _names.Length; i++)
        {
            if (!WildcardPattern.ContainsWildcardCharacters(_names[i])) continue;
            var pattern = WildcardPattern.Get(_names[i], WildcardOptions.IgnoreCase);
            // WildcardPattern parses lazily: the first match is where 'svc[' throws.
            try { pattern.IsMatch(""); _patterns[i] = pattern; }
            catch (WildcardPatternException ex) { _invalid[i] = ex.Message; }
        }
    }

    /// <summary>True when -Service was given.</summary>
    public bool Active { get; }

    /// <summary>True when a name could be a pattern: whether it selects exactly depends on every service of the ledger.</summary>
    public bool NeedsLedger => _patterns.Any(p => p != null);

    /// <summary>The services of a ledger about to be filtered: a name equal to one of them is exact from now on.</summary>
    public void Learn(IEnumerable<LedgerEntry> entries)
    {
        foreach (var e in entries) if (e.Service != null) _services.Add(e.Service);
    }

    /// <summary>True when the entry's service is selected (always, without -Service); remembers which names selected it.</summary>
    public bool Includes(string? service)
    {
        if (!Active) return true;
        if (service == null) return false;
        var included = false;
        for (var i = 0; i < _names.Length; i++)
        {
            var exact = string.Equals(_names[i], service, StringComparison.OrdinalIgnoreCase);
            if (!exact && (_patterns[i] is not { } p || _services.Contains(_names[i]) || !p.IsMatch(service))) continue;
            _selected[i] = true;
            included = true;
        }
        return included;
    }

    /// <summary>The names given without wildcards that selected no entry.</summary>
    public IEnumerable<string> UnmatchedLiterals() => Unmatched(patterns: false);

    /// <summary>The valid wildcard patterns that selected no entry.</summary>
    public IEnumerable<string> UnmatchedPatterns() => Unmatched(patterns: true);

    /// <summary>The names that are not valid wildcard patterns and equal no service.</summary>
    public IEnumerable<(string Name, string Reason)> InvalidPatterns() =>
        _names.Select((n, i) => (Name: n, Reason: _invalid[i]!, Selected: _selected[i])).Where(x => x.Reason != null && !x.Selected).Select(x => (x.Name, x.Reason));

    private IEnumerable<string> Unmatched(bool patterns) =>
        _names.Where((n, i) => !_selected[i] && _invalid[i] == null && (_patterns[i] != null) == patterns);
}
