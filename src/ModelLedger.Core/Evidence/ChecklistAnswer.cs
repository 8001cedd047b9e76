namespace ModelLedger
{
    /// <summary>One line of the runbook's operator checklist, answered from the evidence.</summary>
    public sealed class ChecklistAnswer
    {
        public ChecklistAnswer(string item, string status, string evidence)
        {
            Item = item;
            Status = status;
            Evidence = evidence;
        }

        public string Item { get; }

        /// <summary>Proved, Partly, Failed or Missing.</summary>
        public string Status { get; }

        public string Evidence { get; }
    }
}
