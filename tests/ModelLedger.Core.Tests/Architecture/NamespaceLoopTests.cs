using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ModelLedger.Config;

namespace ModelLedger.Core.Tests.Architecture;

/// <summary>
/// The core library's folders are layers: no namespace may depend on one that depends back on it (Config/ and
/// DryRun/ once imported each other). Dependencies are read from the compiled assembly: signatures, base types and
/// every member a method body touches, so a fully qualified name or a lambda cannot hide one.
/// </summary>
public class NamespaceLoopTests
{
    private static readonly Assembly Core = typeof(ConfigFile).Assembly;

    // Loops older than this test, outside Config/: the root's errors quote through Rendering, which renders root types.
    // Take a line out when its loop is gone.
    private static readonly string[] KnownLoops =
    {
        "ModelLedger <-> ModelLedger.Rendering",
    };

    [Fact]
    public void NoNamespaceOfTheCoreLibraryDependsOnItself()
    {
        var graph = Dependencies(Core);
        Assert.True(graph.Count >= 8, "too few namespaces found: " + string.Join(", ", graph.Keys));
        var loops = Loops(graph).Select(l => string.Join(" <-> ", l)).ToList();
        var newLoops = loops.Except(KnownLoops).ToList();
        Assert.True(newLoops.Count == 0, "namespace loops: " + string.Join("; ", newLoops) + " GRAPH " + string.Join(" | ", graph.OrderBy(k => k.Key).Select(k => k.Key + " -> " + string.Join(",", k.Value.OrderBy(x => x)))));
        Assert.DoesNotContain(loops, l => l.Contains("ModelLedger.Config") || l.Contains("ModelLedger.DryRun") || l.Contains("ModelLedger.References"));
    }

    [Fact]
    public void ConfigDependsOnlyOnTheSharedBaseLayers()
    {
        var graph = Dependencies(Core);
        Assert.Empty(graph["ModelLedger.Config"].Except(new[] { "ModelLedger", "ModelLedger.IO", "ModelLedger.Rendering" }));
    }

    [Fact]
    public void TheLoopFinderFindsALoop()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["A"] = new() { "B" }, ["B"] = new() { "C" }, ["C"] = new() { "A" }, ["D"] = new() { "A" },
        };
        Assert.Equal(new[] { "A <-> B <-> C" }, Loops(graph).Select(l => string.Join(" <-> ", l)));
    }

    // namespace -> namespaces of the same assembly it uses.
    private static Dictionary<string, HashSet<string>> Dependencies(Assembly assembly)
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            var from = type.Namespace;
            if (from == null || !from.StartsWith("ModelLedger", StringComparison.Ordinal)) continue;
            if (!graph.TryGetValue(from, out var uses)) graph[from] = uses = new HashSet<string>(StringComparer.Ordinal);
            foreach (var used in UsedTypes(type))
                foreach (var t in Expand(used))
                    if (t.Assembly == assembly && t.Namespace is { } to && to != from && to.StartsWith("ModelLedger", StringComparison.Ordinal)) uses.Add(to);
        }
        return graph;
    }

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.BaseType != null) yield return type.BaseType;
        foreach (var i in type.GetInterfaces()) yield return i;
        foreach (var f in type.GetFields(all)) yield return f.FieldType;
        foreach (var p in type.GetProperties(all)) yield return p.PropertyType;
        foreach (var m in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (m is MethodInfo mi) yield return mi.ReturnType;
            foreach (var p in m.GetParameters()) yield return p.ParameterType;
            foreach (var t in BodyTypes(m)) yield return t;
        }
    }

    // The declaring and signature types of every method, field and type token in the IL.
    private static IEnumerable<Type> BodyTypes(MethodBase method)
    {
        foreach (var member in IlMembers.Of(method))
            switch (member)
            {
                case Type t: yield return t; break;
                case FieldInfo f: yield return f.DeclaringType!; yield return f.FieldType; break;
                case MethodBase m:
                    yield return m.DeclaringType!;
                    if (m is MethodInfo mi) yield return mi.ReturnType;
                    foreach (var p in m.GetParameters()) yield return p.ParameterType;
                    break;
            }
    }

    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType) { foreach (var t in Expand(type.GetElementType()!)) yield return t; yield break; }
        if (type.IsGenericParameter) yield break;
        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (type.IsGenericType)
            foreach (var a in type.GetGenericArguments())
                foreach (var t in Expand(a)) yield return t;
    }

    // Strongly connected components of more than one namespace (Tarjan), each sorted.
    private static List<List<string>> Loops(Dictionary<string, HashSet<string>> graph)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var loops = new List<List<string>>();
        var next = 0;
        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in graph.TryGetValue(v, out var e) ? e : new HashSet<string>())
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); component.Add(x); } while (x != v);
            if (component.Count > 1) loops.Add(component.OrderBy(s => s, StringComparer.Ordinal).ToList());
        }
        foreach (var v in graph.Keys.OrderBy(s => s, StringComparer.Ordinal))
            if (!index.ContainsKey(v)) Visit(v);
        return loops;
    }
}
