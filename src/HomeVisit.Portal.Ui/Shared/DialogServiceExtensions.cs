using MudBlazor;

namespace HomeVisit.Portal.Shared;

public static class DialogServiceExtensions
{
    /// <summary>
    /// Asks before a destructive or lossy action. The safe choice is the default: Enter or closing the box cancels.
    /// </summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string yes, string no)
    {
        var answer = await dialogs.ShowMessageBoxAsync(new MessageBoxOptions
        {
            Title = title,
            Message = message,
            YesText = yes,
            CancelText = no,
        }, new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        return answer == true;
    }
}
