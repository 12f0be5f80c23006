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
}
