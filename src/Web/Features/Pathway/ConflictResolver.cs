using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using MudBlazor;

namespace CareWorkspace.Web.Features.Pathway;

/// <summary>Shows a stale edit to the user and asks whether to reload or apply their change again.</summary>
public sealed class ConflictResolver(IDialogService dialogs)
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
        var dialog = await dialogs.ShowAsync<EditConflictDialog>("Someone else changed this first", parameters,
            new DialogOptions { BackdropClick = false, MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: ConflictChoice choice } ? choice : ConflictChoice.Reload;
    }

    /// <summary>
    /// Saves an edit of one item. On a stale edit it asks the user; "Reload" ends there, "Apply my change again"
    /// saves once more on top of the item's new version. Returns an error to show, or null when done.
    /// </summary>
    /// <param name="save">Saves with the given item version (null when the item is new).</param>
    /// <param name="reload">Re-reads the section and returns the item's current version (null if it is gone).</param>
    public async Task<string?> SaveAsync(string item, Guid? version, Func<Guid?, Task> save, Func<Task<Guid?>> reload,
        IReadOnlyDictionary<string, string?> yourValues)
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
                    return $"This {item} was removed meanwhile; nothing was saved.";
                version = current;
            }
            catch (Exception ex) when (ex is DomainException or PatientAccessDeniedException)
            {
                return ex.Message;
            }
        }
    }
}
