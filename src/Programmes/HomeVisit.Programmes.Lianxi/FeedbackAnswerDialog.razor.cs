using HomeVisit.Core.Accounts;
using HomeVisit.Core.FollowUps;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Programmes.Lianxi;

public partial class FeedbackAnswerDialog
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private LianxiFeedbackService Feedback { get; set; } = default!;

    [Parameter, EditorRequired] public FeedbackRow Row { get; set; } = default!;
    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;

    private FollowUpClose _answer = new();
    private ServerValidation? _validation;
    private readonly FormSubmission _form = new();

    /// <summary>Opens the dialog; true when answered, "reload" after a conflict, null when the user went back.</summary>
    public static async Task<object?> AskAsync(IDialogService dialogs, string title, FeedbackRow row, PortalUser user)
    {
        var parameters = new DialogParameters<FeedbackAnswerDialog> { { d => d.Row, row }, { d => d.User, user } };
        var dialog = await dialogs.ShowAsync<FeedbackAnswerDialog>(title, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        return result is null || result.Canceled ? null : result.Data;
    }

    protected override void OnInitialized() => _answer = new FollowUpClose { Version = Row.Version };

    private async Task AnswerAsync()
    {
        if (await _form.RunAsync(() => Feedback.AnswerAsync(User, Row.Id, _answer), _validation, T)) Dialog.Close(DialogResult.Ok(true));
    }
}
