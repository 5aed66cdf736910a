using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using MudBlazor;

namespace HomeVisit.Programmes.Qinglian;

public partial class NoticePage
{
    [Inject] private QinglianNoticeService Notices { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private PortalUser? User { get; set; }
    [Parameter] public int Id { get; set; }

    private readonly FormSubmission _form = new();
    private PortalUser? _user;
    private NoticeDocument? _doc;
    private NoticeSent _sent = new();
    private EditContext? _edit;
    private ServerValidation? _validation;
    private string? _loadError;

    protected override async Task OnParametersSetAsync()
    {
        _user = User!;
        // The read is audited: load in the live circuit only, not again for the prerendered HTML.
        if (!RendererInfo.IsInteractive) return;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _doc = await Notices.GetAsync(_user!, Id);
            _loadError = null;
            if (_edit is null)
            {
                _sent = new NoticeSent { SentOn = _doc.Today.ToDateTime(TimeOnly.MinValue), Recipient = _doc.DefaultRecipient };
                _edit = new EditContext(_sent);
            }
            _sent.Version = _doc.Version;
        }
        catch (Exception ex) when (ex is NotFoundException or AccessDeniedException)
        {
            _doc = null;
            _loadError = T.Error(ex);
        }
    }

    private async Task PrintAsync() => await JS.InvokeVoidAsync("portal.print");

    private async Task SaveAsync()
    {
        if (await _form.RunAsync(() => Notices.RecordSentAsync(_user!, Id, _sent), _validation, T))
        {
            Snackbar.Add(T["已保存"], Severity.Success);
            _sent.Note = null;
            await LoadAsync();
        }
    }
}
