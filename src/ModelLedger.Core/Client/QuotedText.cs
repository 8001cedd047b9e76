using System;
using System.Linq;

namespace ModelLedger.Client
{
    /// <summary>Server or exception text made fit to quote in a message: one line, short. (Keys are the scrubber's job.)</summary>
    internal static class QuotedText
    {
        public static string OneLine(string? text, int max = 300)
        {
            if (string.IsNullOrEmpty(text)) return "";
            var chars = text!.Select(c => char.IsControl(c) ? ' ' : c).ToArray();
            var s = string.Join(" ", new string(chars).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries));
            return s.Length > max ? s.Substring(0, max) + "..." : s;
        }
    }
}
