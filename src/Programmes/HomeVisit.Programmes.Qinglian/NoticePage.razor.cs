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

    [Parameter] public int Id { get; set; }

    private readonly FormSubmission _form = new();
    private NoticeDocument? _doc;
    private NoticeSent _sent = new();
    private EditContext? _edit;
    private ServerValidation? _validation;

    protected override async Task LoadRecordsAsync()
    {
        _doc = await Notices.GetAsync(_user!, Id);
        if (_edit is null)
        {
            _sent = new NoticeSent { SentOn = _doc.Today.ToDateTime(TimeOnly.MinValue), Recipient = _doc.DefaultRecipient };
            _edit = new EditContext(_sent);
        }
        _sent.Version = _doc.Version;
    }

    protected override void ClearRecords() => _doc = null;

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
