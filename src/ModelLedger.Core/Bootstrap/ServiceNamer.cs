using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ModelLedger.Config;

namespace ModelLedger.Bootstrap;

/// <summary>
/// Names the service a config value belongs to the way the repository names it, from the most specific sign to the
/// least: a LiteLLM model_list item's model_name, a compose service (its own keys, or an env_file it names), a Helm
/// chart (charts/&lt;name&gt;/values*.yaml, or the name in a Chart.yaml beside the values file), a service folder
/// (services/, apps/ or src/&lt;name&gt;/). Every file is read through Config/, the reader the gate uses.
/// </summary>
internal sealed class ServiceNamer
{
    private static readonly string[] ServiceFolders = { "services", "apps", "src" };
    private static readonly Regex ComposeName = new(@"^(docker-)?compose([.-][\w.-]+)?\.ya?ml$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex ValuesName = new(@"^values([.-][\w.-]+)?\.ya?ml$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private readonly string _root;
    private readonly long _maxFileBytes;
    private readonly Dictionary<string, ConfigFile?> _files = new(StringComparer.Ordinal);
    // env file (relative, '/') -> the compose services that name it, with the compose file.
    private readonly Dictionary<string, List<(string Service, string ComposeFile)>> _envFiles = new(StringComparer.Ordinal);

    /// <param name="root">The repository folder.</param>
    /// <param name="files">Every file of the tree (absolute paths): compose files among them are read for env_file.</param>
    /// <param name="maxFileBytes">Larger files are not read for names, as the scan skips them.</param>
    public ServiceNamer(string root, IEnumerable<string> files, long maxFileBytes = References.ReferenceScanner.DefaultMaxFileBytes)
    {
        _root = Path.GetFullPath(root);
        _maxFileBytes = maxFileBytes;
        foreach (var file in files)
            if (IsComposeFile(file)) ReadEnvFiles(file);
    }

    public static bool IsComposeFile(string path) => ComposeName.IsMatch(Path.GetFileName(path));

    /// <summary>The service a config value is for, and what named it; null with the reason when nothing does.</summary>
    public ServiceName? Name(string relativePath, ConfigRef configRef, out string? whyNot)
    {
        whyNot = null;
        var full = Full(relativePath);
        var concrete = Concrete(full, configRef);

        if (concrete != null && LiteLlmModelName(full, configRef.Document, concrete) is { } modelName)
        {
            // The model_name itself is the alias clients ask the proxy for, not the ID sent upstream.
            var isName = concrete.Count >= 3 && IsName(concrete[concrete.Count - 3], "model_list") && IsName(concrete[concrete.Count - 1], "model_name");
            return new ServiceName(modelName, $"the model_name of its LiteLLM model_list item in {relativePath}") { ValueIsTheName = isName };
        }

        if (IsComposeFile(relativePath))
        {
            if (concrete != null && concrete.Count >= 2 && IsName(concrete[0], "services") && concrete[1].Kind == KeySegmentKind.Name)
                return new ServiceName(concrete[1].Name!, $"compose service '{concrete[1].Name}' in {relativePath}");
        }

        if (_envFiles.TryGetValue(relativePath, out var namedBy))
        {
            var services = namedBy.Select(n => n.Service).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (services.Count == 1)
                return new ServiceName(services[0], $"the env_file of compose service '{services[0]}' in {namedBy[0].ComposeFile}");
            whyNot = $"the env_file of several compose services ({string.Join(", ", services)}): it is not clear which one sends this ID";
            return null;
        }

        var parts = relativePath.Split('/');
        if (parts.Length >= 3 && ValuesName.IsMatch(parts[parts.Length - 1]))
        {
            if (string.Equals(parts[parts.Length - 3], "charts", StringComparison.OrdinalIgnoreCase))
                return new ServiceName(parts[parts.Length - 2], $"Helm chart folder charts/{parts[parts.Length - 2]}");
        }
        if (parts.Length >= 2 && ValuesName.IsMatch(parts[parts.Length - 1]) && ChartName(full) is { } chart)
            return new ServiceName(chart, $"the name in the Helm chart's Chart.yaml beside {relativePath}");

        // The first services/apps/src folder from the root whose child is not itself such a folder (src/services/x -> x).
        for (var i = 0; i + 2 < parts.Length; i++)
        {
            if (!ServiceFolders.Contains(parts[i], StringComparer.OrdinalIgnoreCase)) continue;
            if (ServiceFolders.Contains(parts[i + 1], StringComparer.OrdinalIgnoreCase)) continue;
            return new ServiceName(parts[i + 1], $"service folder {parts[i]}/{parts[i + 1]}/");
        }

        whyNot = "nothing in the repository names its service (it is not in a LiteLLM model_list item, a compose service or env_file, "
            + "a Helm chart's values, or under services/, apps/ or src/<name>/)";
        return null;
    }

    private string Full(string relativePath) => Path.Combine(_root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private ConfigFile? Load(string full)
    {
        if (_files.TryGetValue(full, out var file)) return file;
        try { file = new FileInfo(full).Length > _maxFileBytes ? null : ConfigFile.Load(full); }
        catch (ModelLedgerException) { file = null; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { file = null; }   // a file the scan could read but Config/ cannot: no name from its content
        _files[full] = file;
        return file;
    }

    // The ref's key as the file writes it (selectors resolved to indexes), so an item is found however the ref selects it.
    private IReadOnlyList<KeySegment>? Concrete(string full, ConfigRef configRef)
    {
        var file = Load(full);
        if (file == null) return null;
        try { return ConfigKeyPath.ParseSyntax(file.Locate(configRef.Document, configRef.Key).ConcretePath).Segments; }
        catch (Exception ex) when (ex is ModelLedgerException or ConfigRefSyntaxException) { return null; }
    }

    // model_list.<n>.… (at any depth: a LiteLLM config inside Helm values too): the item's model_name, when it is a string.
    private string? LiteLlmModelName(string full, int? document, IReadOnlyList<KeySegment> concrete)
    {
        for (var i = 0; i + 1 < concrete.Count; i++)
        {
            if (!IsName(concrete[i], "model_list") || concrete[i + 1].Kind != KeySegmentKind.Index) continue;
            var itemKey = string.Join(".", concrete.Take(i + 2).Select(s => s.ToString())) + ".model_name";
            var value = StringAt(full, document, itemKey);
            if (!string.IsNullOrWhiteSpace(value)) return value;
        }
        return null;
    }

    private string? ChartName(string valuesFull)
    {
        var chart = Path.Combine(Path.GetDirectoryName(valuesFull) ?? "", "Chart.yaml");
        if (!File.Exists(chart)) return null;
        var name = StringAt(chart, null, "name");
        return string.IsNullOrWhiteSpace(name) ? null : name;
    }

    private string? StringAt(string full, int? document, string key)
    {
        var file = Load(full);
        if (file == null) return null;
        try
        {
            var at = file.Locate(document, ConfigKeyPath.ParseSyntax(key));
            return at.IsString ? at.Value : null;
        }
        catch (Exception ex) when (ex is ModelLedgerException or ConfigRefSyntaxException) { return null; }
    }

    // services.<name>.env_file: a path, a list of paths, or a list of { path: ... } (compose 2.24+).
    private void ReadEnvFiles(string composeFull)
    {
        var file = Load(composeFull);
        if (file == null || file.DocumentCount != 1) return;
        var composeRelative = Relative(composeFull);
        if (composeRelative == null) return;
        foreach (var pair in file.Flatten())
        {
            IReadOnlyList<KeySegment> key;
            try { key = ConfigKeyPath.ParseSyntax(pair.Key).Segments; }
            catch (ConfigRefSyntaxException) { continue; }
            if (key.Count < 3 || !IsName(key[0], "services") || key[1].Kind != KeySegmentKind.Name || !IsName(key[2], "env_file")) continue;
            var shape = key.Count == 3 || (key.Count == 4 && key[3].Kind == KeySegmentKind.Index)
                || (key.Count == 5 && key[3].Kind == KeySegmentKind.Index && IsName(key[4], "path"));
            if (!shape || pair.Value.Length == 0) continue;
            var envFull = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(composeFull) ?? "", pair.Value.Replace('/', Path.DirectorySeparatorChar)));
            if (Relative(envFull) is not { } envRelative) continue;
            if (!_envFiles.TryGetValue(envRelative, out var list)) _envFiles[envRelative] = list = new List<(string, string)>();
            list.Add((key[1].Name!, composeRelative));
        }
    }

    private string? Relative(string full)
    {
        var prefix = _root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal) ? full.Substring(prefix.Length).Replace('\\', '/') : null;
    }

    private static bool IsName(KeySegment s, string name) => s.Kind == KeySegmentKind.Name && string.Equals(s.Name, name, StringComparison.Ordinal);
}

/// <summary>A service name and the sign in the repository it came from (for Verbose and the draft's review).</summary>
internal sealed class ServiceName
{
    public ServiceName(string name, string source)
    {
        Name = name;
        Source = source;
    }

    public string Name { get; }
    public string Source { get; }

    /// <summary>The value is the name itself (a LiteLLM model_name), not a model ID the service sends.</summary>
    public bool ValueIsTheName { get; set; }
}
