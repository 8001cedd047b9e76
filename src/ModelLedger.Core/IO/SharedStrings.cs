using System.Text.Json;

namespace ModelLedger.IO;

/// <summary>
/// Returns one string instance for values that repeat across a large document ("openai", "model"), compared as
/// UTF-8 bytes so a repeat allocates nothing. Small and bounded: a catalogue has a handful of owners.
/// </summary>
internal sealed class SharedStrings
{
    private const int Capacity = 32;
    private const int MaxLength = 64;
    private readonly byte[][] _bytes = new byte[Capacity][];
    private readonly string[] _strings = new string[Capacity];
    private int _count;

    public string Get(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.Length <= MaxLength)
        {
            for (var i = 0; i < _count; i++)
                if (reader.ValueTextEquals(_bytes[i])) return _strings[i];
            var value = reader.GetString()!;
            if (_count < Capacity)
            {
                _bytes[_count] = reader.ValueSpan.ToArray();
                _strings[_count++] = value;
            }
            return value;
        }
        return reader.GetString()!;
    }
}
