using CareWorkspace.Domain.Common;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CareWorkspace.Web.Features.Pathway;

/// <summary>Shows a stale edit to the user and asks whether to reload or apply their change again.</summary>
public sealed class ConflictResolver(IDialogService dialogs, IStringLocalizer<ConflictResolver> text, ILogger<ConflictResolver> logger)
{
    public async Task<ConflictChoice> AskAsync(StaleEditException conflict, IReadOnlyDictionary<string, string?> yourValues)
    {
        var parameters = new DialogParameters<EditConflictDialog>
        {
            { d => d.Item, conflict.Item },
            { d => d.ChangedBy, conflict.ChangedBy },
            { d => d.ChangedAt, conflict.ChangedAt },
            { d => d.TheirValues, conflict.CurrentValues },
            { d => d.YourValues, yourValues },
        };
        var dialog = await dialogs.ShowAsync<EditConflictDialog>(text["Someone else changed this first"], parameters,
            new DialogOptions { BackdropClick = false, MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: ConflictChoice choice } ? choice : ConflictChoice.Reload;
    }

    /// <summary>
    /// Saves a change of one item. On a stale edit it shows the user what changed and asks; "Reload" ends there,
    /// "Apply my change again" runs the user's own change once more against the item's current version.
    /// Returns an error to show (the user's input stays), or null when done. Never throws, except on cancellation.
    /// </summary>
    /// <typeparam name="TVersion">What identifies the version the user saw: a version id, or a value (e.g. the channel) for simple fields.</typeparam>
    /// <param name="item">What is saved, in English ("member"): a key of ConflictResolver.resx, so the reader reads it in their language.</param>
    /// <param name="save">Saves with the given version (null when the item is new).</param>
    /// <param name="reload">Re-reads the section and returns the item's current version (null if it is gone).</param>
    public async Task<string?> SaveAsync<TVersion>(string item, TVersion? version, Func<TVersion?, Task> save, Func<Task<TVersion?>> reload,
        IReadOnlyDictionary<string, string?> yourValues)
        where TVersion : struct
    {
        try
        {
            while (true)
            {
                try
                {
                    await save(version);
                    return null;
                }
                catch (StaleEditException conflict)
                {
                    var choice = await AskAsync(conflict, yourValues);
                    var current = await reload();
                    if (choice == ConflictChoice.Reload)
                        return null;
                    if (current is null)
                        return text["The {0} was removed meanwhile; nothing was saved.", text[item]];
                    version = current;
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (!ActionErrors.IsExplained(ex))
                logger.LogError(ex, "Saving a {Item} failed", item);
            return ActionErrors.Describe(ex);
        }
    }
}
