using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace ModelLedger.Commands
{
    /// <summary>
    /// A -Service parameter (wildcards, case-insensitive) applied to ledger entries: which entries it selects, and which
    /// names without wildcards matched none (a typo or a missing row, reported as Get-Process -Name does).
    /// </summary>
    internal sealed class ServiceFilter
    {
        private readonly string[]? _names;
        private readonly WildcardPattern[]? _patterns;
        private readonly HashSet<string> _matched = new(StringComparer.OrdinalIgnoreCase);

        public ServiceFilter(string[]? names)
        {
            _names = names;
            _patterns = names?.Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase)).ToArray();
        }

        /// <summary>True when the entry's service is selected (always, without -Service); remembers the match.</summary>
        public bool Includes(string? service)
        {
            if (_patterns == null) return true;
            if (service == null || !_patterns.Any(p => p.IsMatch(service))) return false;
            _matched.Add(service);
            return true;
        }

        /// <summary>The names given without wildcards that selected no entry.</summary>
        public IEnumerable<string> UnmatchedLiterals() =>
            (_names ?? Array.Empty<string>()).Where(n => !WildcardPattern.ContainsWildcardCharacters(n) && !_matched.Contains(n));
    }
}
