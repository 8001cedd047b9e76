using System;

namespace ModelLedger.Config;

/// <summary>A config reference, key or template that does not follow the grammar; the caller names the file or parameter.</summary>
internal sealed class ConfigRefSyntaxException : Exception
{
    public ConfigRefSyntaxException(string message, int position) : base(message) => Position = position;

    /// <summary>1-based character in the text that was parsed.</summary>
    public int Position { get; }
}
