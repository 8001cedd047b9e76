using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ModelLedger.HelpBuilder;

/// <summary>What the cmdlet assembly says about one cmdlet: the source of truth for syntax, types and binding.</summary>
public sealed class CmdletMeta
{
    public string Verb { get; set; } = "";
    public string Noun { get; set; } = "";
    public string Name => Verb + "-" + Noun;
    public string? DefaultParameterSet { get; set; }
    public bool SupportsShouldProcess { get; set; }
    public List<ParameterMeta> Parameters { get; } = new();
    public List<string> OutputTypes { get; } = new();
}

public sealed class ParameterMeta
{
    public string Name { get; set; } = "";

    /// <summary>Full .NET name, for example System.String[] (Nullable&lt;T&gt; unwrapped).</summary>
    public string TypeName { get; set; } = "";

    /// <summary>What Get-Help shows in the syntax: String[], SwitchParameter, Int32...</summary>
    public string ShortTypeName
    {
        get
        {
            var cut = TypeName.LastIndexOf('.', TypeName.IndexOf('[') is var b && b >= 0 ? b : TypeName.Length - 1);
            return cut < 0 ? TypeName : TypeName.Substring(cut + 1);
        }
    }

    public bool IsSwitch => TypeName == "System.Management.Automation.SwitchParameter";
    public List<string> Aliases { get; } = new();
    public bool SupportsWildcards { get; set; }
    public List<string> ValidateSet { get; } = new();
    public List<ParameterSetMeta> Sets { get; } = new();
}

public sealed class ParameterSetMeta
{
    public const string AllSets = "__AllParameterSets";
    public string Name { get; set; } = AllSets;
    public bool Mandatory { get; set; }
    public int? Position { get; set; }
    public bool ByValue { get; set; }
    public bool ByPropertyName { get; set; }
}

/// <summary>
/// Reads [Cmdlet], [Parameter], [Alias], [SupportsWildcards], [ValidateSet] and [OutputType] from the compiled
/// cmdlet assembly with System.Reflection.Metadata: no load, no System.Management.Automation at build time.
/// </summary>
public static class CmdletMetadataReader
{
    private const string Sma = "System.Management.Automation";

    public static List<CmdletMeta> Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var provider = new TypeNameProvider(md);
        var result = new List<CmdletMeta>();

        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            CmdletMeta? cmdlet = null;
            foreach (var a in type.GetCustomAttributes())
            {
                var attr = md.GetCustomAttribute(a);
                if (AttributeName(md, attr) != "CmdletAttribute") continue;
                var value = attr.DecodeValue(provider);
                cmdlet = new CmdletMeta { Verb = (string)value.FixedArguments[0].Value!, Noun = (string)value.FixedArguments[1].Value! };
                foreach (var named in value.NamedArguments)
                {
                    if (named.Name == "DefaultParameterSetName") cmdlet.DefaultParameterSet = named.Value as string;
                    if (named.Name == "SupportsShouldProcess") cmdlet.SupportsShouldProcess = named.Value is true;
                }
            }
            if (cmdlet == null) continue;

            foreach (var a in type.GetCustomAttributes())
            {
                var attr = md.GetCustomAttribute(a);
                if (AttributeName(md, attr) != "OutputTypeAttribute") continue;
                foreach (var t in Strings(attr.DecodeValue(provider).FixedArguments))
                    if (!cmdlet.OutputTypes.Contains(t)) cmdlet.OutputTypes.Add(t);
            }

            // Parameters declared here and on base classes defined in the same assembly (base first, as PowerShell lists them).
            var chain = new List<TypeDefinition>();
            for (TypeDefinition? t = type; t != null; t = BaseInAssembly(md, t.Value)) chain.Insert(0, t.Value);
            foreach (var t in chain)
                foreach (var ph in t.GetProperties())
                    if (ReadParameter(md, provider, md.GetPropertyDefinition(ph)) is { } p)
                        cmdlet.Parameters.Add(p);
            result.Add(cmdlet);
        }
        return result;
    }

    private static ParameterMeta? ReadParameter(MetadataReader md, TypeNameProvider provider, PropertyDefinition property)
    {
        var p = new ParameterMeta { Name = md.GetString(property.Name) };
        var hidden = false;
        foreach (var a in property.GetCustomAttributes())
        {
            var attr = md.GetCustomAttribute(a);
            switch (AttributeName(md, attr))
            {
                case "ParameterAttribute":
                    var set = new ParameterSetMeta();
                    foreach (var named in attr.DecodeValue(provider).NamedArguments)
                    {
                        switch (named.Name)
                        {
                            case "Mandatory": set.Mandatory = named.Value is true; break;
                            case "Position": set.Position = named.Value is int pos && pos >= 0 ? pos : null; break;
                            case "ParameterSetName": set.Name = named.Value as string ?? ParameterSetMeta.AllSets; break;
                            case "ValueFromPipeline": set.ByValue = named.Value is true; break;
                            case "ValueFromPipelineByPropertyName": set.ByPropertyName = named.Value is true; break;
                            case "DontShow": hidden |= named.Value is true; break;
                        }
                    }
                    p.Sets.Add(set);
                    break;
                case "AliasAttribute":
                    p.Aliases.AddRange(Strings(attr.DecodeValue(provider).FixedArguments));
                    break;
                case "SupportsWildcardsAttribute":
                    p.SupportsWildcards = true;
                    break;
                case "ValidateSetAttribute":
                    p.ValidateSet.AddRange(Strings(attr.DecodeValue(provider).FixedArguments));
                    break;
            }
        }
        // Not a parameter, or one hidden from help and tab completion ([Parameter(DontShow = true)]).
        if (p.Sets.Count == 0 || hidden) return null;
        p.TypeName = property.DecodeSignature(provider, null).ReturnType;
        return p;
    }

    private static IEnumerable<string> Strings(ImmutableArray<CustomAttributeTypedArgument<string>> args)
    {
        foreach (var arg in args)
        {
            if (arg.Value is string s) yield return s;
            else if (arg.Value is ImmutableArray<CustomAttributeTypedArgument<string>> items)
                foreach (var item in items)
                    if (item.Value is string v) yield return v;
        }
    }

    private static TypeDefinition? BaseInAssembly(MetadataReader md, TypeDefinition type) =>
        !type.BaseType.IsNil && type.BaseType.Kind == HandleKind.TypeDefinition
            ? md.GetTypeDefinition((TypeDefinitionHandle)type.BaseType)
            : null;

    /// <summary>The attribute's type name when it comes from System.Management.Automation, else null.</summary>
    private static string? AttributeName(MetadataReader md, CustomAttribute attr)
    {
        if (attr.Constructor.Kind != HandleKind.MemberReference) return null;
        var parent = md.GetMemberReference((MemberReferenceHandle)attr.Constructor).Parent;
        if (parent.Kind != HandleKind.TypeReference) return null;
        var tr = md.GetTypeReference((TypeReferenceHandle)parent);
        return md.GetString(tr.Namespace) == Sma ? md.GetString(tr.Name) : null;
    }

    /// <summary>Turns metadata type references into readable full names ("System.String[]").</summary>
    private sealed class TypeNameProvider : ICustomAttributeTypeProvider<string>, ISignatureTypeProvider<string, object?>
    {
        private readonly MetadataReader _md;

        public TypeNameProvider(MetadataReader md) => _md = md;

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
        {
            PrimitiveTypeCode.Boolean => "System.Boolean",
            PrimitiveTypeCode.Byte => "System.Byte",
            PrimitiveTypeCode.SByte => "System.SByte",
            PrimitiveTypeCode.Char => "System.Char",
            PrimitiveTypeCode.Int16 => "System.Int16",
            PrimitiveTypeCode.UInt16 => "System.UInt16",
            PrimitiveTypeCode.Int32 => "System.Int32",
            PrimitiveTypeCode.UInt32 => "System.UInt32",
            PrimitiveTypeCode.Int64 => "System.Int64",
            PrimitiveTypeCode.UInt64 => "System.UInt64",
            PrimitiveTypeCode.Single => "System.Single",
            PrimitiveTypeCode.Double => "System.Double",
            PrimitiveTypeCode.String => "System.String",
            PrimitiveTypeCode.Object => "System.Object",
            PrimitiveTypeCode.IntPtr => "System.IntPtr",
            PrimitiveTypeCode.UIntPtr => "System.UIntPtr",
            PrimitiveTypeCode.Void => "System.Void",
            PrimitiveTypeCode.TypedReference => "System.TypedReference",
            _ => typeCode.ToString(),
        };

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            var t = reader.GetTypeDefinition(handle);
            var name = reader.GetString(t.Name);
            var declaring = t.GetDeclaringType();
            return declaring.IsNil ? Join(reader.GetString(t.Namespace), name) : GetTypeFromDefinition(reader, declaring, rawTypeKind) + "+" + name;
        }

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var t = reader.GetTypeReference(handle);
            var name = reader.GetString(t.Name);
            return t.ResolutionScope.Kind == HandleKind.TypeReference
                ? GetTypeFromReference(reader, (TypeReferenceHandle)t.ResolutionScope, rawTypeKind) + "+" + name
                : Join(reader.GetString(t.Namespace), name);
        }

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPinnedType(string elementType) => elementType;
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetFunctionPointerType(MethodSignature<string> signature) => "System.IntPtr";
        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;
        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
        {
            // int? and DateTimeOffset? bind like their underlying type; show them that way, as PowerShell does.
            if (genericType == "System.Nullable`1") return typeArguments[0];
            var tick = genericType.IndexOf('`');
            return (tick < 0 ? genericType : genericType.Substring(0, tick)) + "[" + string.Join(",", typeArguments) + "]";
        }

        public string GetSystemType() => "System.Type";
        public bool IsSystemType(string type) => type == "System.Type";
        public string GetTypeFromSerializedName(string name) => name.Split(',')[0].Trim();

        // Enum arguments of SMA attributes (ConfirmImpact...) are all Int32-based.
        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;

        private static string Join(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;
    }
}
