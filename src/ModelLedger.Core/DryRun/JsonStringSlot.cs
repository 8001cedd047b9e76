namespace ModelLedger.DryRun
{
    /// <summary>Where one JSON string value sits in a config file: the bytes between its quotes, and its decoded value.</summary>
    public sealed class JsonStringSlot
    {
        public JsonStringSlot(int start, int length, string value, int line)
        {
            Start = start;
            Length = length;
            Value = value;
            Line = line;
        }

        /// <summary>Offset in the file of the first byte after the opening quote.</summary>
        public int Start { get; }

        /// <summary>Bytes between the quotes, as written (escapes not decoded).</summary>
        public int Length { get; }

        /// <summary>The decoded string.</summary>
        public string Value { get; }

        /// <summary>1-based line of the value, for messages.</summary>
        public int Line { get; }
    }
}
