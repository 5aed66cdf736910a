namespace HomeVisit.Portal.Localization;

/// <summary>
/// Chinese texts of MudBlazor's own components (pager, pickers, dialogs, aria labels), keyed by MudBlazor's resource
/// keys. MudBlazor ships English only and no Chinese translation package is served here, so the portal carries its own.
/// </summary>
public sealed class MudResources;
