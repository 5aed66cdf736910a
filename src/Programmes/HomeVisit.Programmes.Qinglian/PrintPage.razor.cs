using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Portal.Localization;
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
        try
        {
            _text = FamilyMemberId is int id ? await Print.CommitmentAsync(user, id)
                : PersonId is int person ? await Print.RegistrationAsync(user, person)
                : await Print.ProposalAsync(user);
            _error = null;
        }
        catch (Exception ex) when (ex is NotFoundException or AccessDeniedException)
        {
            _text = null;
            _error = T.Error(ex);
        }
    }

    private Task PrintAsync() => JS.InvokeVoidAsync("portal.print").AsTask();

    private Task BackAsync() => JS.InvokeVoidAsync("history.back").AsTask();
}
