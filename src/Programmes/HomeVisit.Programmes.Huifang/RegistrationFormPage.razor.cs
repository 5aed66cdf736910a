using HomeVisit.Core.Accounts;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace HomeVisit.Programmes.Huifang;

public partial class RegistrationFormPage
{
    [Inject] private RevisitService Revisits { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    [CascadingParameter] private PortalUser? User { get; set; }
    [Parameter] public int VisitId { get; set; }

    private RegistrationForm? _f;
    private bool _notFound;

    protected override async Task OnParametersSetAsync()
    {
        // A form the user may not see is one that does not exist (the programme is confidential).
        (_f, var refused) = await PageLoad.RunAsync(() => Revisits.RegistrationFormAsync(User!, VisitId), T);
        _notFound |= refused is not null;
    }

    // The annexed form is an official paper: it prints in Chinese whatever the reader's language (issue 18, item 7).
    private static string GenderText(HomeVisit.Core.People.Gender g) => g == HomeVisit.Core.People.Gender.Unknown ? "" : EnumNames.Of(g);

    private static string Date(DateOnly? d) => d is { } x ? $"{x.Year}年{x.Month}月{x.Day}日" : "";

    private static string Month(DateOnly? d) => d is { } x ? $"{x.Year}年{x.Month}月" : "";

    private async Task PrintAsync() => await JS.InvokeVoidAsync("print");
}
