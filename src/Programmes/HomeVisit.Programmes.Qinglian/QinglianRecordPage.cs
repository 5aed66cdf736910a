using HomeVisit.Core.Accounts;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;

namespace HomeVisit.Programmes.Qinglian;

/// <summary>
/// A page that shows a household's or a visit's records (the household, the written notice). Reading them is audited,
/// so they load in the live circuit only, never again for the prerendered HTML; a record the user may not see shows
/// <see cref="LoadError"/> instead.
/// </summary>
public abstract class QinglianRecordPage : ComponentBase
{
    [CascadingParameter] private PortalUser? User { get; set; }
    [Inject] private Texts<QinglianResources> Texts { get; set; } = default!;

    protected PortalUser? _user;
    protected string? LoadError { get; private set; }

    protected override async Task OnParametersSetAsync()
    {
        _user = User!;
        if (!RendererInfo.IsInteractive) return;
        await LoadAsync();
    }

    protected async Task LoadAsync()
    {
        LoadError = await PageLoad.RunAsync(LoadRecordsAsync, Texts);
        if (LoadError is not null) ClearRecords();
    }

    /// <summary>Loads what the page shows; throws NotFound or AccessDenied when the user may not see it.</summary>
    protected abstract Task LoadRecordsAsync();

    /// <summary>Forgets what was shown, after a refused load.</summary>
    protected abstract void ClearRecords();
}
