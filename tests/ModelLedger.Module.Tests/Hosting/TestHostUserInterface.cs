using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text.RegularExpressions;

namespace ModelLedger.Module.Tests.Hosting;

/// <summary>Writes host output as pwsh does (WARNING:/VERBOSE:/DEBUG: prefixes on the error writer) and answers prompts from the input reader.</summary>
internal sealed class TestHostUserInterface : PSHostUserInterface
{
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly TextReader _in;

    // Format views colour table headers even with $PSStyle.OutputRendering = 'PlainText': that setting is applied
    // by the host when it writes (as pwsh's console host does), so a redirected run strips the sequences here.
    private static readonly Regex AnsiSequence = new("\u001b\\[[0-9;?]*[ -/]*[@-~]", RegexOptions.Compiled);
    private readonly bool _plainText;

    public TestHostUserInterface(TextWriter output, TextWriter error, TextReader input, int width, bool plainText)
    {
        _plainText = plainText;
        _out = output;
        _err = error;
        _in = input;
        RawUI = new TestRawUserInterface(width);
    }

    public override PSHostRawUserInterface RawUI { get; }

    private string Plain(string value) => _plainText && value != null && value.IndexOf('\u001b') >= 0 ? AnsiSequence.Replace(value, "") : value!;

    public override void Write(string value) => _out.Write(Plain(value));
    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => _out.Write(Plain(value));
    public override void WriteLine(string value) => _out.WriteLine(Plain(value));
    public override void WriteErrorLine(string value) => _err.WriteLine(Plain(value));
    public override void WriteWarningLine(string message) => _err.WriteLine("WARNING: " + message);
    public override void WriteVerboseLine(string message) => _err.WriteLine("VERBOSE: " + message);
    public override void WriteDebugLine(string message) => _err.WriteLine("DEBUG: " + message);

    public override void WriteInformation(InformationRecord record)
    {
        // Write-Host and $PSCmdlet.WriteInformation with the PSHOST tag are meant for the screen.
        if (record.Tags.Contains("PSHOST")) _out.WriteLine(record.MessageData?.ToString());
    }

    public override void WriteProgress(long sourceId, ProgressRecord record)
    {
        // Progress is for people watching; a redirected run (CI, scheduled task) keeps its logs clean.
        if (!Console.IsErrorRedirected && record.RecordType != ProgressRecordType.Completed)
            _err.WriteLine($"[{record.Activity}] {record.StatusDescription}");
    }

    public override string ReadLine() => _in.ReadLine() ?? "";

    public override SecureString ReadLineAsSecureString()
    {
        var secure = new SecureString();
        foreach (var c in _in.ReadLine() ?? "") secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
    {
        WriteCaption(caption, message);
        var answers = new Dictionary<string, PSObject>();
        foreach (var d in descriptions)
        {
            _out.Write(d.Name + ": ");
            answers[d.Name] = PSObject.AsPSObject(ReadLine());
        }
        return answers;
    }

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        PromptForCredential(caption, message, userName, targetName, PSCredentialTypes.Default, PSCredentialUIOptions.Default);

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
        PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options)
    {
        WriteCaption(caption, message);
        if (string.IsNullOrEmpty(userName)) { _out.Write("User: "); userName = ReadLine(); }
        _out.Write("Password for " + userName + ": ");
        return new PSCredential(userName, ReadLineAsSecureString());
    }

    /// <summary>-Confirm prompts. With no input (end of stream), the default choice is taken, as a non-interactive pwsh does.</summary>
    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        WriteCaption(caption, message);
        for (var i = 0; i < choices.Count; i++)
            _out.Write($"[{HotKey(choices[i].Label)}] {choices[i].Label.Replace("&", "")}  ");
        _out.Write(defaultChoice >= 0 ? $"(default is \"{HotKey(choices[defaultChoice].Label)}\"): " : ": ");
        var answer = _in.ReadLine();
        _out.WriteLine();
        if (string.IsNullOrWhiteSpace(answer)) return defaultChoice;
        for (var i = 0; i < choices.Count; i++)
        {
            if (string.Equals(answer.Trim(), HotKey(choices[i].Label), StringComparison.OrdinalIgnoreCase) ||
                string.Equals(answer.Trim(), choices[i].Label.Replace("&", ""), StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return defaultChoice;
    }

    private void WriteCaption(string caption, string message)
    {
        if (!string.IsNullOrEmpty(caption)) _out.WriteLine(caption);
        if (!string.IsNullOrEmpty(message)) _out.WriteLine(message);
    }

    private static string HotKey(string label)
    {
        var i = label.IndexOf('&');
        return i >= 0 && i + 1 < label.Length ? label[i + 1].ToString().ToUpperInvariant() : label;
    }
}
