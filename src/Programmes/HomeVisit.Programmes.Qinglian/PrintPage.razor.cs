using HomeVisit.Core.Accounts;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace HomeVisit.Programmes.Qinglian;

public partial class PrintPage
{
    [Inject] private QinglianPrintService Print { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    [CascadingParameter] private PortalUser? User { get; set; }
    [Parameter] public int? FamilyMemberId { get; set; }
    [Parameter] public int? PersonId { get; set; }

    private PrintedText? _text;
    private string? _error;

    protected override async Task OnParametersSetAsync()
    {
        var user = User!;
        (_text, _error) = await PageLoad.RunAsync(() =>
            FamilyMemberId is int id ? Print.CommitmentAsync(user, id)
            : PersonId is int person ? Print.RegistrationAsync(user, person)
            : Print.ProposalAsync(user), T);
    }

    private Task PrintAsync() => JS.InvokeVoidAsync("portal.print").AsTask();

    private Task BackAsync() => JS.InvokeVoidAsync("history.back").AsTask();
}
