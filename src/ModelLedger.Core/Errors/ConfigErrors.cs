using System;
using ModelLedger.Rendering;

namespace ModelLedger;

/// <summary>The errors a config read raises. The gate turns them into Fail findings; the dry run into ErrorRecords.</summary>
internal static class ConfigErrors
{
    public static ModelLedgerException Invalid(string path, int? line, string? key, string problem, string fix, Exception? inner = null) =>
        FileErrors.Invalid(ErrorIds.DryRunConfigInvalid, "Config", path, line, key, problem, fix, inner);

    public static ModelLedgerException KeyNotFound(string path, int? line, string key, string problem, string fix) =>
        Failure.Of(ErrorIds.DryRunConfigKeyNotFound, FailureCategory.ObjectNotFound, $"Config '{path}' {problem}", fix, target: key, filePath: path, line: line, field: key);

    public static ModelLedgerException Unsupported(string path, int line, string key, string problem) =>
        Failure.Of(ErrorIds.DryRunConfigUnsupported, FailureCategory.InvalidOperation, $"Config '{path}' line {line}, '{key}': {problem} Nothing was changed.", UnsupportedFix, target: path, filePath: path, line: line, field: key);

    /// <summary>A -ConfigKey whose key part does not parse.</summary>
    public static ModelLedgerException KeySyntax(string? text, string reason) =>
        Failure.Of(ErrorIds.DryRunConfigKeyNotFound, FailureCategory.InvalidArgument, $"-ConfigKey '{UntrustedText.EscapeControls(text ?? "")}' is not a valid key: {reason}",
            "Name the key that holds the model ID, for example 'llm.chat.model', 'services.0.model' (a number selects an array item) or 'model_list[model_name=report-writer].litellm_params.model'.",
            target: text, field: text);

    /// <summary>A -ConfigKey whose template (after '#') does not parse.</summary>
    public static ModelLedgerException TemplateSyntax(string text, string reason) =>
        Failure.Of(ErrorIds.DryRunConfigKeyNotFound, FailureCategory.InvalidArgument, $"-ConfigKey '{UntrustedText.EscapeControls(text)}': {reason}",
            "Write the template after the key with {id} once, for example 'model_list[model_name=x].litellm_params.model#openai/{id}'.", target: text, field: text);

    /// <summary>A config ref whose file, after every link, lies outside the release root: never read.</summary>
    public static ModelLedgerException OutsideReleaseRoot(string fullPath, string releaseRoot) =>
        Failure.Of(ErrorIds.DryRunConfigUnreadable, FailureCategory.SecurityError,
            $"Config '{fullPath}' was refused: it is a link (or lies under one) that leads outside the release root '{releaseRoot}', so it was not read.",
            "Commit the config file itself inside the release root, not a link to a file elsewhere.", target: fullPath, filePath: fullPath);

    private const string UnsupportedFix =
        "Rehearse on a config where the model ID is its own single-line scalar (quote it, or move it out of the anchor or block), or switch it with your deployment tooling.";
}
