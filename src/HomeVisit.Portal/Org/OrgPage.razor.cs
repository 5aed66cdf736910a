using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Portal.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace HomeVisit.Portal.Org;

public partial class OrgPage
{
    [Inject] private OrgService Org { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private PortalUser? _user;
    private IReadOnlyList<OrgUnitNode>? _nodes;
    private ILookup<int?, OrgUnitNode> _children = Array.Empty<OrgUnitNode>().ToLookup(n => n.ParentId);
    private Dictionary<int, OrgUnitNode> _byId = [];
    private IReadOnlyList<UnitOption> _options = [];
    private readonly HashSet<int> _expanded = [];
    private OrgUnitNode? _selected;
    private OrgUnitEdit? _unitEdit;
    private string? _error;

    private bool CanManage => _user?.ManagesRoster == true;

    protected override async Task OnInitializedAsync()
    {
        _user = PortalUser.FromPrincipal((await AuthState).User)!;
        await LoadTreeAsync();
        // The top of the tree starts open.
        foreach (var root in _children[null]) _expanded.Add(root.Id);
    }

    private async Task LoadTreeAsync()
    {
        _nodes = await Org.GetTreeAsync(_user!);
        _children = _nodes.ToLookup(n => n.ParentId);
        _byId = _nodes.ToDictionary(n => n.Id);
        _options = await Org.GetOptionsAsync(_user!);
        _selected = _selected is null ? null : _byId.GetValueOrDefault(_selected.Id);
    }

    private int SubtreeCount(int unitId) => _byId[unitId].PeopleCount + _children[unitId].Sum(c => SubtreeCount(c.Id));

    private void OnSelect(OrgUnitNode? node)
    {
        if (node is null) return;
        _selected = _byId.GetValueOrDefault(node.Id);
        _error = null;
    }

    private void StartUnitEdit(OrgUnitEdit edit)
    {
        _error = null;
        _unitEdit = edit;
    }

    private async Task StartUnitEditAsync(int id)
    {
        try
        {
            StartUnitEdit(await Org.GetUnitAsync(_user!, id));
        }
        catch (NotFoundException e)
        {
            _error = T.Error(e);
        }
    }

    private async Task OnUnitSavedAsync(int id)
    {
        if (_unitEdit?.ParentId is int parent) _expanded.Add(parent);
        _unitEdit = null;
        await LoadTreeAsync();
        _selected = _byId.GetValueOrDefault(id);
    }
}
