using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using ModelLedger.Gate;

namespace ModelLedger.Commands;

/// <summary>
/// Reads -Deployed: service -> 'model-id', or service -> @{ ModelId = '...'; RoutingChanged = $true }.
/// Keys compare case-insensitively, as PowerShell hashtables do.
/// </summary>
internal static class DeployedParameter
{
    public static Dictionary<string, DeployedRelease> Parse(IDictionary deployed)
    {
        var result = new Dictionary<string, DeployedRelease>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry item in deployed)
        {
            var service = Unwrap(item.Key)?.ToString();
            if (string.IsNullOrEmpty(service)) throw Invalid("a key is empty.");
            if (result.ContainsKey(service!)) throw Invalid($"service '{service}' appears twice (keys compare case-insensitively).");
            result[service!] = Unwrap(item.Value) switch
            {
                string id => new DeployedRelease(id, false),
                IDictionary table => FromTable(service!, table),
                null => throw Invalid($"the value for '{service}' is null."),
                var other => throw Invalid($"the value for '{service}' is a {other.GetType().Name}, not a model ID string or a hashtable."),
            };
        }
        return result;
    }

    private static DeployedRelease FromTable(string service, IDictionary table)
    {
        string? modelId = null;
        var routingChanged = false;
        foreach (DictionaryEntry field in table)
        {
            var name = Unwrap(field.Key)?.ToString();
            if (string.Equals(name, "ModelId", StringComparison.OrdinalIgnoreCase))
                modelId = Unwrap(field.Value) as string ?? throw Invalid($"ModelId for '{service}' must be a string.");
            else if (string.Equals(name, "RoutingChanged", StringComparison.OrdinalIgnoreCase))
                routingChanged = LanguagePrimitives.IsTrue(field.Value);
            else
                throw Invalid($"'{name}' in the entry for '{service}' is not ModelId or RoutingChanged.");
        }
        if (modelId == null) throw Invalid($"the entry for '{service}' has no ModelId.");
        return new DeployedRelease(modelId, routingChanged);
    }

    private static object? Unwrap(object? value) => value is PSObject ps ? ps.BaseObject : value;

    private static ModelLedgerException Invalid(string problem) => GateErrors.DeployedInvalid(problem);
}
