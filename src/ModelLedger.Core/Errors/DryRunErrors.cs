using System;
using ModelLedger.Rendering;

namespace ModelLedger;

/// <summary>The failures of Invoke-RollbackDryRun: the staging config it switches, its lock and its journal.</summary>
internal static class DryRunErrors
{
    public const string ConfigNotFoundFix = "Pass the staging config file (JSON, YAML or .env) that the service reads its model ID from.";

    /// <summary>The staging config file does not exist.</summary>
    public static ModelLedgerException ConfigNotFound(string configPath) =>
        FileErrors.NotFound(ErrorIds.DryRunConfigNotFound, "Config", configPath, ConfigNotFoundFix);

    /// <summary>No -ConfigKey, and the entry's configRefs name no single file with the config's file name.</summary>
    public static ModelLedgerException ConfigKeyNotInferred(string? service, string configPath, string found) =>
        Failure.Of(ErrorIds.DryRunConfigKeyNotFound, FailureCategory.InvalidArgument, $"No -ConfigKey was given and the ledger entry for '{service}' cannot supply one: {found}.",
            "Pass -ConfigKey '<key>[#<template>]' (for example -ConfigKey 'model_list[model_name=report-writer].litellm_params.model#openai/{id}').", target: configPath, filePath: configPath);

    /// <summary>Another dry run holds the config's lock; <paramref name="journal"/> says whose, when known (or is empty).</summary>
    public static ModelLedgerException InProgress(string configPath, string journal, Exception inner) =>
        Failure.Of(ErrorIds.DryRunInProgress, FailureCategory.ResourceBusy, $"Another rollback dry run is using the config '{configPath}'{journal}.",
            "Wait for the other dry run to finish (it restores the config when it ends), then run this one again.", target: configPath, filePath: configPath, inner: inner);

    /// <summary>The staging config is read-only or this account may not write it.</summary>
    public static ModelLedgerException ConfigReadOnly(string configPath, string problem, Exception? inner)
    {
        const string fix = "Run the dry run as the account that owns the staging config, or rehearse on a writable staging copy. " +
                           "The dry run does not change the owner or permissions of a file it could not write as its owner would.";
        return Failure.Of(ErrorIds.DryRunConfigReadOnly, FailureCategory.PermissionDenied, $"The config '{configPath}' {problem}; nothing was changed.", fix, target: configPath, filePath: configPath, inner: inner);
    }

    /// <summary>The config holds something other than the ledger's current ID (through the template).</summary>
    /// <param name="value">The value the config holds (the message quotes an excerpt).</param>
    /// <param name="template">The template, or null when the key holds the ID itself.</param>
    /// <param name="templated">The current ID through the template (ignored without one).</param>
    public static ModelLedgerException ConfigMismatch(string configPath, int line, string key, string value, string? template, string? templated,
        string? currentId, string? service, string hint)
    {
        var fix = "Deploy the ledger's current ID to staging first (or fix the ledger), so the rehearsal switches from what production sends.";
        return Failure.Of(ErrorIds.DryRunConfigMismatch, FailureCategory.InvalidData, $"Config '{configPath}' line {line}, '{key}': holds '{UntrustedText.Excerpt(value)}', not {(template == null ? "" : $"'{templated}' (")}the ledger's current ID '{currentId}'{(template == null ? "" : $" through '{template}')")} for service '{service}'.{hint} Nothing was changed.", fix, target: configPath, filePath: configPath, line: line, field: key);
    }

    /// <summary>The journal of an interrupted run is there, but the config holds neither its original nor its switched bytes.</summary>
    public static ModelLedgerException ChangedSinceInterrupted(string configPath, string who, string originalCopy, string journalPath, string? configKey)
    {
        var fix = $"Compare '{configPath}' with '{originalCopy}' (the bytes before the interrupted run), keep the right one as '{configPath}', then delete '{journalPath}'.";
        return Failure.Of(ErrorIds.DryRunRestoreFailed, FailureCategory.InvalidData, $"The journal of an interrupted dry run ({who}) is next to '{configPath}', but the config changed since: it holds neither the original nor the switched bytes, so it was not overwritten.", fix, target: configPath, filePath: configPath, field: configKey);
    }

    /// <summary>The config could not be restored after the dry run: it may still send the rollback ID.</summary>
    public static ModelLedgerException RestoreFailed(string configPath, string journalPath, string? configKey, string? forwardModelId, string? rollbackModelId, Exception ex)
    {
        var fix = $"Set '{configKey}' in '{configPath}' back to '{forwardModelId}' by hand (the original bytes are in '{journalPath}', field originalBytes, base64), " +
                  $"or fix the cause and run Invoke-RollbackDryRun -Recover -ConfigPath '{configPath}'. Keep user traffic off this config until then.";
        return Failure.Of(ErrorIds.DryRunRestoreFailed, FailureCategory.WriteError, $"The config '{configPath}' could not be restored after the dry run ({ex.Message}); it may still send the rollback ID '{rollbackModelId}'.", fix, target: configPath, filePath: configPath, field: configKey, inner: ex);
    }

    /// <summary>A dry-run journal that could not be read: the config cannot be repaired automatically.</summary>
    public static ModelLedgerException JournalInvalid(string journalPath, string configPath, string problem, Exception? inner)
    {
        var fix = $"Compare '{configPath}' with the copy your deployment tooling holds and restore it by hand if it still holds the rollback ID; then delete '{journalPath}'.";
        return Failure.Of(ErrorIds.DryRunJournalInvalid, FailureCategory.InvalidData, $"The dry-run journal '{journalPath}' {problem}, so the config cannot be repaired automatically.", fix, target: journalPath, filePath: journalPath, inner: inner);
    }
}
