using MudBlazor;

namespace HomeVisit.Portal.Shared;

public static class DialogServiceExtensions
{
    /// <summary>
    /// Asks before a destructive or lossy action. The safe choice is the default: the focus is on <paramref name="no"/>,
    /// so Enter, Escape or closing the box cancels (<see cref="ConfirmDialog"/>).
    /// </summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string yes, string no)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Message, message },
            { d => d.Yes, yes },
            { d => d.No, no },
        };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters,
            new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, DefaultFocus = DefaultFocus.FirstChild });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: true };
    }
}
