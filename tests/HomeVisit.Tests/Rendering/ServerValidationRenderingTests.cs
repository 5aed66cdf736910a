using AngleSharp.Html.Parser;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.Web.HtmlRendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HomeVisit.Tests.Rendering;

/// <summary>
/// A service's field errors (PortalValidationException) shown by ServerValidation appear next to the
/// field they name, through FieldMessage, in a form rendered by HtmlRenderer (no circuit, no browser).
/// </summary>
public sealed class ServerValidationRenderingTests : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly HtmlRenderer _renderer;

    public ServerValidationRenderingTests()
    {
        _services = new ServiceCollection().AddLogging().AddLocalization().AddSingleton(typeof(Texts<>)).BuildServiceProvider();
        _renderer = new HtmlRenderer(_services, NullLoggerFactory.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await _renderer.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Service_errors_appear_beside_their_own_fields_in_chinese()
    {
        var form = await RenderAsync();

        await _renderer.Dispatcher.InvokeAsync(() => form.Validation!.Show(new PortalValidationException(new Dictionary<string, string>
        {
            [nameof(PersonEdit.StaffNumber)] = "工号 S001 已被他人使用。",
            [nameof(PersonEdit.Phone)] = "联系电话格式不正确，请填写 7–20 位数字（可含 +、- 和空格）。",
        })));

        var page = await HtmlAsync(form);
        Assert.Equal(["工号 S001 已被他人使用。"], Messages(page, "staff-number"));
        Assert.Equal(["联系电话格式不正确，请填写 7–20 位数字（可含 +、- 和空格）。"], Messages(page, "phone"));
        Assert.Empty(Messages(page, "name"));
        Assert.All(page.QuerySelectorAll(".hv-validation"), m => Assert.Equal("alert", m.GetAttribute("role")));
    }

    [Fact]
    public async Task Changing_a_field_clears_only_that_fields_message_and_a_new_error_replaces_the_old()
    {
        var form = await RenderAsync();
        await _renderer.Dispatcher.InvokeAsync(() => form.Validation!.Show(new PortalValidationException(new Dictionary<string, string>
        {
            [nameof(PersonEdit.Name)] = "请填写姓名。",
            [nameof(PersonEdit.StaffNumber)] = "请填写工号。",
        })));

        await _renderer.Dispatcher.InvokeAsync(() => form.Context.NotifyFieldChanged(form.Context.Field(nameof(PersonEdit.Name))));
        var afterTyping = await HtmlAsync(form);
        Assert.Empty(Messages(afterTyping, "name"));
        Assert.Equal(["请填写工号。"], Messages(afterTyping, "staff-number"));

        await _renderer.Dispatcher.InvokeAsync(() => form.Validation!.Show(
            new PortalValidationException(nameof(PersonEdit.Phone), "联系电话格式不正确。")));
        var afterSecondSave = await HtmlAsync(form);
        Assert.Empty(Messages(afterSecondSave, "staff-number"));
        Assert.Equal(["联系电话格式不正确。"], Messages(afterSecondSave, "phone"));
    }

    [Fact]
    public async Task A_core_message_is_shown_in_english_when_the_user_chose_english_with_its_field_label_translated()
    {
        var form = await RenderAsync();
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            var error = Assert.Throws<PortalValidationException>(() => new Validator()
                .Require(nameof(PersonEdit.Name), "", "姓名")
                .MaxLength(nameof(PersonEdit.StaffNumber), new string('1', 40), 32, "工号")
                .Check(false, nameof(PersonEdit.Phone), "联系电话格式不正确，请填写 7–20 位数字（可含 +、- 和空格）。")
                .ThrowIfInvalid());
            Assert.Equal("请填写姓名。", error.Errors[nameof(PersonEdit.Name)]);
            Assert.Equal("工号不能超过 32 个字。", error.Errors[nameof(PersonEdit.StaffNumber)]);

            // The renderer's dispatcher runs on its own thread: set the culture there, as a circuit would.
            await _renderer.Dispatcher.InvokeAsync(() =>
            {
                System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
                form.Validation!.Show(error);
            });
            var page = await HtmlAsync(form);
            Assert.Equal(["Please fill in Name."], Messages(page, "name"));
            Assert.Equal(["Staff number may not be longer than 32 characters."], Messages(page, "staff-number"));
            Assert.Equal(["The phone number is not valid: use 7–20 digits (+, - and spaces allowed)."], Messages(page, "phone"));
        }
        finally
        {
            await _renderer.Dispatcher.InvokeAsync(() => System.Globalization.CultureInfo.CurrentUICulture = before);
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    private sealed record Rendered(HtmlRootComponent Root, PersonForm.State StateBox)
    {
        public ServerValidation? Validation => StateBox.Validation;
        public EditContext Context => StateBox.Context;
    }

    private async Task<Rendered> RenderAsync()
    {
        var state = new PersonForm.State(new EditContext(new PersonEdit()));
        var root = await _renderer.Dispatcher.InvokeAsync(() =>
            _renderer.RenderComponentAsync<PersonForm>(ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(PersonForm.Box)] = state })));
        Assert.NotNull(state.Validation);
        return new Rendered(root, state);
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> HtmlAsync(Rendered form)
    {
        await form.Root.QuiescenceTask;
        var html = await _renderer.Dispatcher.InvokeAsync(() => form.Root.ToHtmlString());
        return new HtmlParser().ParseDocument(html);
    }

    private static string[] Messages(AngleSharp.Html.Dom.IHtmlDocument page, string field) =>
        page.QuerySelectorAll($"[data-field={field}] .hv-validation").Select(m => m.TextContent.Trim()).ToArray();

    /// <summary>A form laid out like the portal's: each input with a FieldMessage beneath it, ServerValidation inside.</summary>
    private sealed class PersonForm : ComponentBase
    {
        public sealed class State(EditContext context)
        {
            public EditContext Context { get; } = context;
            public ServerValidation? Validation { get; set; }
        }

        [Parameter] public State Box { get; set; } = default!;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<EditForm>(0);
            builder.AddComponentParameter(1, nameof(EditForm.EditContext), Box.Context);
            builder.AddComponentParameter(2, nameof(EditForm.ChildContent), (RenderFragment<EditContext>)(_ => b =>
            {
                b.OpenComponent<ServerValidation>(0);
                b.AddComponentReferenceCapture(1, c => Box.Validation = (ServerValidation)c);
                b.CloseComponent();
                b.AddContent(2, Field("name", nameof(PersonEdit.Name)));
                b.AddContent(3, Field("staff-number", nameof(PersonEdit.StaffNumber)));
                b.AddContent(4, Field("phone", nameof(PersonEdit.Phone)));
            }));
            builder.CloseComponent();
        }

        private static RenderFragment Field(string id, string property) => b =>
        {
            b.OpenElement(0, "div");
            b.AddAttribute(1, "data-field", id);
            b.OpenElement(2, "input");
            b.AddAttribute(3, "id", id);
            b.CloseElement();
            b.OpenComponent<FieldMessage>(4);
            b.AddComponentParameter(5, nameof(FieldMessage.Field), property);
            b.CloseComponent();
            b.CloseElement();
        };
    }
}
