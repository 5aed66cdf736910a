using HomeVisit.Core.Accounts;
using HomeVisit.Core.Content;
using HomeVisit.Core.Data;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace HomeVisit.Programmes.Qinglian;

public partial class TemplatesPage
{
    private sealed class TemplateEdit
    {
        public string? Markdown { get; set; }
        public string? Note { get; set; }
    }

    [Inject] private ContentTemplateService Templates { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private PortalUser? User { get; set; }
    [SupplyParameterFromQuery(Name = "t")] public string? QKey { get; set; }

    private readonly FormSubmission _form = new();
    private PortalUser? _user;
    private string _key = QinglianProgramme.ProposalTemplate;
    private TemplateText? _current;
    private TemplateEdit? _model;
    private EditContext? _edit;
    private ServerValidation? _validation;
    private IReadOnlyList<TemplateRevisionView> _history = [];
    private string _preview = "";
    private bool _denied;

    protected override async Task OnParametersSetAsync()
    {
        _user = User!;
        _denied = !ContentTemplateService.CanEdit(_user);
        if (_denied) return;
        var key = Templates.Definitions(QinglianProgramme.Key).Any(d => d.Key == QKey) ? QKey! : QinglianProgramme.ProposalTemplate;
        if (_current is null || key != _key) await SelectAsync(key, ask: false);
    }

    private Task SelectAsync(string key) => SelectAsync(key, ask: true);

    private async Task SelectAsync(string key, bool ask)
    {
        if (ask && _model is not null && _current is not null && key != _key && _model.Markdown != _current.Markdown
            && !await Dialogs.ConfirmAsync(T["切换模板"], T["编辑器中有未保存的修改，切换模板将放弃这些修改，确定吗？"], T["放弃修改"], T["取消"]))
        {
            return;
        }
        _key = key;
        _form.Reset();
        _current = await Templates.GetAsync(_user!.InstitutionId, key);
        _history = await Templates.HistoryAsync(_user, key);
        _model = new TemplateEdit { Markdown = _current.Markdown };
        _edit = new EditContext(_model);
        RenderPreview();
    }

    // The text field debounces the typing, so the preview follows a moment after it pauses.
    private void OnMarkdownChanged(string? markdown)
    {
        _model!.Markdown = markdown;
        _edit!.NotifyFieldChanged(_edit.Field(nameof(TemplateEdit.Markdown)));
        RenderPreview();
    }

    private void RenderPreview()
    {
        var markdown = _model?.Markdown ?? "";
        if (markdown.Length > ContentTemplateService.MaxLength)
        {
            _preview = $"<p>{System.Net.WebUtility.HtmlEncode(T.Format("模板内容过长，不能超过 {0} 个字符。", ContentTemplateService.MaxLength))}</p>";
            return;
        }
        var sample = _current!.Definition.Placeholders.ToDictionary(p => p, p => (string?)$"【{p}】");
        _preview = ContentTemplateService.Render(markdown, sample);
    }

    private void LoadDefault()
    {
        _model!.Markdown = Templates.DefaultMarkdown(_key);
        _model.Note ??= T["恢复出厂文本"];
        _edit!.NotifyFieldChanged(_edit.Field(nameof(TemplateEdit.Markdown)));
        RenderPreview();
    }

    private async Task LoadRevisionAsync(int revisionId)
    {
        _model!.Markdown = await Templates.GetRevisionAsync(_user!, _key, revisionId);
        _model.Note ??= T.Format("恢复到修订 #{0}", revisionId);
        _edit!.NotifyFieldChanged(_edit.Field(nameof(TemplateEdit.Markdown)));
        RenderPreview();
    }

    private async Task SaveAsync()
    {
        if (!await _form.RunAsync(() => Templates.SaveAsync(_user!, _key, _model!.Markdown, _current!.RevisionId, _model.Note), _validation, T)) return;
        Snackbar.Add($"{T["已保存"]}：{T[_current!.Definition.Title]}", Severity.Success);
        await SelectAsync(_key, ask: false);
    }
}
