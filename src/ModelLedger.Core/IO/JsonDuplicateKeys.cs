using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace ModelLedger.IO;

/// <summary>
/// Finds the first property name that appears twice in one JSON object, anywhere in a document. A reader that
/// keeps the last (or first) of two "entries" arrays silently drops the other's services from the gate, so the
/// ledger and snapshot readers reject such files before reading them. Names compare after unescaping
/// ("a" and "\u0061" are the same name); small objects (every model record) compare bytes without a string per name.
/// </summary>
internal static class JsonDuplicateKeys
{
    private const int SmallObject = 16;

    /// <summary>The duplicate's name with the byte offsets of its first and second occurrence, or null when every object's names are distinct.</summary>
    public static (string Name, long FirstAt, long SecondAt)? Find(byte[] utf8, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(utf8, options);
        var open = new Stack<ObjectNames>();
        var spare = new Stack<ObjectNames>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    var names = spare.Count > 0 ? spare.Pop() : new ObjectNames();
                    names.Clear();
                    open.Push(names);
                    break;
                case JsonTokenType.EndObject:
                    spare.Push(open.Pop());
                    break;
                case JsonTokenType.PropertyName:
                    var name = reader.ValueIsEscaped
                        ? Encoding.UTF8.GetBytes(reader.GetString()!)
                        : new ReadOnlyMemory<byte>(utf8, (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
                    if (open.Peek().TryAdd(name, reader.TokenStartIndex, out var firstAt) is false)
                        return (Encoding.UTF8.GetString(name.ToArray()), firstAt, reader.TokenStartIndex);
                    break;
            }
        }
        return null;
    }

    // The names of one open object: a list compared byte by byte while small, a dictionary once it grows,
    // so an object with thousands of names is not compared pair by pair.
    private sealed class ObjectNames
    {
        private readonly List<(ReadOnlyMemory<byte> Name, long At)> _small = new();
        private Dictionary<string, long>? _large;

        public void Clear()
        {
            _small.Clear();
            _large = null;
        }

        public bool TryAdd(ReadOnlyMemory<byte> name, long at, out long firstAt)
        {
            firstAt = 0;
            if (_large != null)
            {
                var key = Encoding.UTF8.GetString(name.ToArray());
                if (_large.TryGetValue(key, out firstAt)) return false;
                _large.Add(key, at);
                return true;
            }
            foreach (var (other, otherAt) in _small)
                if (other.Span.SequenceEqual(name.Span))
                {
                    firstAt = otherAt;
                    return false;
                }
            _small.Add((name, at));
            if (_small.Count > SmallObject)
            {
                _large = new Dictionary<string, long>(StringComparer.Ordinal);
                foreach (var (n, a) in _small) _large[Encoding.UTF8.GetString(n.ToArray())] = a;
            }
            return true;
        }
    }
}
