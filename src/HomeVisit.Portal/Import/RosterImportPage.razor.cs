using HomeVisit.Core.Accounts;
using HomeVisit.Core.Import;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;

namespace HomeVisit.Portal.Import;

public partial class RosterImportPage
{
    [Inject] private RosterImportService Importer { get; set; } = default!;

    private enum Stage { Choose, Reading, Preview, Applying, Done }

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private Stage _stage = Stage.Choose;
    private string _csvKind = "";
    private RosterImportPreview? _preview;
    private RosterImportResult? _result;
    private RosterImportProgress? _progress;
    private string? _progressText;
    private string? _message;
    private bool _messageIsError;

    private bool Busy => _stage is Stage.Reading or Stage.Applying;

    private async Task<PortalUser> UserAsync() => PortalUser.FromPrincipal((await AuthState).User)!;

    private async Task OnFileChosen(InputFileChangeEventArgs e)
    {
        _preview = null;
        _result = null;
        var file = e.File;
        var extension = Path.GetExtension(file.Name).ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv"))
        {
            Fail(T["只能导入 .xlsx 或 .csv 文件。"]);
            return;
        }
        if (file.Size > RosterImportService.MaxFileBytes)
        {
            Fail(T["文件超过 10 MB，请拆分后分批导入。"]);
            return;
        }

        _message = null;
        _stage = Stage.Reading;
        _progressText = T["正在读取并校验文件……"];
        StateHasChanged();
        try
        {
            using var buffer = new MemoryStream();
            await using (var upload = file.OpenReadStream(RosterImportService.MaxFileBytes))
                await upload.CopyToAsync(buffer);
            buffer.Position = 0;
            RosterSheetKind? kind = Enum.TryParse<RosterSheetKind>(_csvKind, out var k) ? k : null;
            var user = await UserAsync();
            // Reading a large workbook is CPU work: off the circuit's thread, so the page keeps rendering.
            var parsed = await Task.Run(() => Importer.Parse(buffer, file.Name, kind));
            _preview = await Importer.PreviewAsync(user, parsed);
            _stage = Stage.Preview;
        }
        catch (ImportFileException ex)
        {
            Fail(ex.Message);
        }
        catch (IOException)
        {
            Fail(T["文件上传中断，请重试。"]);
        }
    }

    private async Task ApplyAsync()
    {
        if (_preview is not { CanApply: true } preview) return;
        _stage = Stage.Applying;
        _progressText = T["正在导入……"];
        _progress = null;
        var progress = new Progress<RosterImportProgress>(p =>
        {
            _progress = p;
            _progressText = T[p.Stage];
            _ = InvokeAsync(StateHasChanged);
        });
        try
        {
            _result = await Importer.ApplyAsync(await UserAsync(), preview, progress);
            _preview = null;
            _stage = Stage.Done;
            _messageIsError = false;
            _message = T.Format("导入完成，共写入 {0} 条记录。", _result.Written);
        }
        catch (ImportRefusedException ex)
        {
            _preview = null;
            Fail(ex.Message);
        }
    }

    private void Cancel()
    {
        _preview = null;
        _result = null;
        _stage = Stage.Choose;
        _messageIsError = false;
        _message = T["已取消，未写入任何数据。"];
    }

    private void Fail(string message)
    {
        _stage = Stage.Choose;
        _messageIsError = true;
        _message = message;
    }
}
