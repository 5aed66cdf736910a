using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace HomeVisit.Programmes.Qinglian;

public partial class CommitmentForm
{
    [Inject] private CommitmentService Commitments { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public HouseholdDetail Detail { get; set; } = default!;
    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;
    [Parameter] public int PersonId { get; set; }
    /// <summary>The visit the pledge was signed at, preselected (from the visit page's link).</summary>
    [Parameter] public int? VisitId { get; set; }
    [Parameter] public EventCallback OnSaved { get; set; }

    private readonly FormSubmission _form = new();
    private CommitmentInput _input = new();
    private EditContext _edit = default!;
    private ServerValidation? _validation;
    private IBrowserFile? _file;
    private Guid _fileKey = Guid.NewGuid();

    protected override void OnInitialized()
    {
        _input = new CommitmentInput { PersonId = PersonId, VisitId = VisitId };
        _edit = new EditContext(_input);
    }

    private string VisitText(int? id) =>
        Detail.Visits.FirstOrDefault(v => v.Id == id) is { } v ? (v.ActualStart ?? v.PlannedStart).ToString("yyyy-MM-dd") : "";

    // The type and size are told beside the field when the file is chosen, not only after saving; the file stays
    // chosen, so saving it anyway gets the same message from the service.
    private void OnFileChosen(InputFileChangeEventArgs e)
    {
        _file = e.File;
        _edit.NotifyFieldChanged(_edit.Field("Scan"));
        if (CommitmentService.ScanProblem(_file.Name, _file.Size) is { } problem)
            _validation?.Show(new PortalValidationException("Scan", problem));
    }

    private async Task SaveAsync()
    {
        var saved = await _form.RunAsync(async () =>
        {
            try
            {
                if (_file is null)
                {
                    await Commitments.RecordAsync(User, _input, null);
                    return;
                }
                // A file over the limit is not streamed at all: the service refuses it by its size, with the message.
                await using var stream = _file.Size > CommitmentService.MaxScanBytes ? Stream.Null : _file.OpenReadStream(CommitmentService.MaxScanBytes);
                await Commitments.RecordAsync(User, _input, new ScanUpload(_file.Name, _file.Size, stream));
            }
            catch (IOException)
            {
                throw new PortalValidationException("Scan", T["文件上传中断，请重新选择文件。"]);
            }
        }, _validation, T);
        if (!saved) return;
        Snackbar.Add(T["承诺书已登记"], Severity.Success);
        _input = new CommitmentInput { PersonId = PersonId, VisitId = _input.VisitId };
        _edit = new EditContext(_input);
        _file = null;
        _fileKey = Guid.NewGuid();
        await OnSaved.InvokeAsync();
    }
}
