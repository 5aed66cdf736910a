using HomeVisit.Core.Accounts;
using HomeVisit.Core.Programmes;
using Microsoft.AspNetCore.Components;

namespace HomeVisit.Programmes.Lianxi;

public partial class LianxiSections
{
    private static readonly LianxiModule Module = new();

    [CascadingParameter] private PortalUser? User { get; set; }

    private IEnumerable<ProgrammeNavEntry> Entries =>
        Module.Navigation.Where(e => e.Roles is null || (User is not null && User.IsAnyRole(e.Roles)));
}
