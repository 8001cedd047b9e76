using System;
using System.Collections.Generic;
using System.Text;

namespace ModelLedger.Core.Tests.Fuzzing;

/// <summary>
/// A seeded, structure-aware byte mutator: the same seed gives the same inputs, so a failure found in a long
/// run reproduces from its seed and iteration number. Mutations mix bit flips with JSON/CSV tokens and
/// encoding traps (BOMs, lone surrogates, invalid UTF-8), since those are what hand-edited ledgers contain.
/// </summary>
public sealed class Mutator
{
    private static readonly byte[][] Tokens = ToBytes(
        "{", "}", "[", "]", "\"", ",", ":", "\\", "\n", "\r\n", "\t", " ", "null", "true", "false", "0", "-1", "1e999",
        "1.5", "\"\"", "{}", "[]", "//", "/*", "*/", "\"\\ud800\"", "\"\\u0000\"", "\\u00e9", "\"schemaVersion\": 2",
        "\"schemaVersion\":", "\"entries\":", "\"service\":", "\"models\":", "\"id\":", "\"capturedAt\":",
        "\"2026-13-45\"", "\"lastValidated\": \"2026-05-10\"", "#TYPE x", "\"\"\"\"", ",,", "service,service",
        "\uFEFF", "\u00e9", "\U0001F600");

    private static readonly byte[] Interesting = { 0x00, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xEF, 0xF0, 0xFE, 0xFF, (byte)'"', (byte)'{', (byte)',', (byte)'\n' };

    private readonly Random _random;

    public Mutator(int seed) => _random = new Random(seed);

    public byte[] Mutate(IReadOnlyList<byte[]> corpus)
    {
        var data = new List<byte>(corpus[_random.Next(corpus.Count)]);
        var rounds = 1 + _random.Next(4);
        for (var r = 0; r < rounds; r++) Apply(data, corpus);
        return data.ToArray();
    }

    private void Apply(List<byte> data, IReadOnlyList<byte[]> corpus)
    {
        var at = data.Count == 0 ? 0 : _random.Next(data.Count);
        switch (_random.Next(8))
        {
            case 0 when data.Count > 0:
                data[at] ^= (byte)(1 << _random.Next(8));
                break;
            case 1 when data.Count > 0:
                data[at] = Interesting[_random.Next(Interesting.Length)];
                break;
            case 2 when data.Count > 0:
                data.RemoveRange(at, Math.Min(data.Count - at, 1 + _random.Next(16)));
                break;
            case 3 when data.Count > 0:
                var len = Math.Min(data.Count - at, 1 + _random.Next(64));
                data.InsertRange(_random.Next(data.Count + 1), data.GetRange(at, len));
                break;
            case 4:
                data.InsertRange(at, Tokens[_random.Next(Tokens.Length)]);
                break;
            case 5 when data.Count > 0:
                data.RemoveRange(at, data.Count - at);
                break;
            case 6:
                var other = corpus[_random.Next(corpus.Count)];
                if (other.Length == 0) break;
                var from = _random.Next(other.Length);
                var take = Math.Min(other.Length - from, 1 + _random.Next(128));
                var chunk = new byte[take];
                Array.Copy(other, from, chunk, 0, take);
                data.InsertRange(at, chunk);
                break;
            default:
                if (data.Count > 1)
                {
                    var b = _random.Next(data.Count);
                    (data[at], data[b]) = (data[b], data[at]);
                }
                break;
        }
    }

    private static byte[][] ToBytes(params string[] s)
    {
        var result = new byte[s.Length][];
        for (var i = 0; i < s.Length; i++) result[i] = Encoding.UTF8.GetBytes(s[i]);
        return result;
    }
}
