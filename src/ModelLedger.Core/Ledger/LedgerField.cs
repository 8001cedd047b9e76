using System;
using System.Globalization;
using System.Linq;

namespace ModelLedger.Ledger;

/// <summary>How a ledger field's value is held and written.</summary>
public enum LedgerFieldKind
{
    /// <summary>Text kept exactly as written.</summary>
    String,

    /// <summary>An ISO 8601 date or date-time, UTC when no offset is written.</summary>
    Date,

    /// <summary>A list of strings: a JSON array, or one CSV cell with the items separated by ';'.</summary>
    StringList,
}

/// <summary>
/// One ledger field: its file name (JSON property and CSV column), the LedgerEntry property it fills, and its
/// kind. Readers, writers and the diff go through this, so each value has one text form everywhere.
/// </summary>
public sealed class LedgerField
{
    internal LedgerField(string name, LedgerFieldKind kind, Func<LedgerEntry, object?> get, Action<LedgerEntry, object?> set,
        Func<string, string?>? checkItem = null, string? itemFix = null)
    {
        _checkItem = checkItem;
        _itemFix = itemFix ?? "";
        Name = name;
        Kind = kind;
        PropertyName = char.ToUpperInvariant(name[0]) + name.Substring(1);
        _get = get;
        _set = set;
    }

    private readonly Func<LedgerEntry, object?> _get;
    private readonly Action<LedgerEntry, object?> _set;
    private readonly Func<string, string?>? _checkItem;
    private readonly string _itemFix;

    /// <summary>
    /// For a list whose items have a grammar (config refs): null when <paramref name="item"/> is well formed, else
    /// the problem, with <paramref name="fix"/> saying how to write one.
    /// </summary>
    public string? CheckItem(string item, out string fix)
    {
        fix = _itemFix;
        return _checkItem?.Invoke(item);
    }

    /// <summary>The name in files (<c>rollbackModelId</c>).</summary>
    public string Name { get; }

    /// <summary>The LedgerEntry property and cmdlet parameter name (<c>RollbackModelId</c>).</summary>
    public string PropertyName { get; }

    public LedgerFieldKind Kind { get; }

    /// <summary>The ';' that separates the items of a string list in one CSV cell.</summary>
    public const char ListSeparator = ';';

    /// <summary>The typed value: string, DateTimeOffset or string[]; null when absent.</summary>
    public object? GetValue(LedgerEntry entry) => _get(entry);

    /// <summary>Sets the typed value; an empty string or empty list becomes null.</summary>
    public void SetValue(LedgerEntry entry, object? value) => _set(entry, Normalize(value));

    /// <summary>The value as one string: the text itself, an ISO 8601 UTC time, or the list joined by ';'. Null when absent.</summary>
    public string? GetText(LedgerEntry entry) => ToText(GetValue(entry));

    public string? ToText(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => FormatDate(d),
        string[] list => string.Join(ListSeparator.ToString(), list),
        _ => value.ToString(),
    };

    /// <summary>The list items as written in JSON or as the cmdlets take them (null when absent).</summary>
    public string[]? GetList(LedgerEntry entry) => GetValue(entry) as string[];

    /// <summary>
    /// Parses the text form (a CSV cell, a JSON string) into a typed value. Empty text is null. False with a
    /// problem and a fix when the text is not a value of this field's kind.
    /// </summary>
    public bool TryParseText(string text, out object? value, out string problem, out string fix)
    {
        problem = fix = "";
        value = null;
        if (text.Length == 0) return true;
        switch (Kind)
        {
            case LedgerFieldKind.Date:
                if (LedgerFields.TryParseDate(text, out var when)) { value = when; return true; }
                problem = $"'{text}' is not a date.";
                fix = LedgerFields.DateFix(Name);
                return false;
            case LedgerFieldKind.StringList:
                // Blanks around an item are layout ("a.json#x; b.yaml#y"), not part of it.
                var items = text.Split(ListSeparator).Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
                foreach (var item in items)
                    if (CheckItem(item, out fix) is { } itemProblem) { problem = itemProblem; return false; }
                value = items;
                return true;
            default:
                value = text;
                return true;
        }
    }

    // One way to say "none": a blank cell, "" and [] all read as absent, so a round trip cannot turn null into "".
    private static object? Normalize(object? value) => value switch
    {
        string { Length: 0 } => null,
        string[] list when list.Length == 0 => null,
        _ => value,
    };

    /// <summary>How dates are written: ISO 8601 in UTC, to the second ("2026-05-10T09:30:00Z").</summary>
    public static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public override string ToString() => Name;
}
