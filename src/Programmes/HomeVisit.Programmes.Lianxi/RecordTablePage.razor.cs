using HomeVisit.Core.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace HomeVisit.Programmes.Lianxi;

public partial class RecordTablePage
{
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private RecordTable? _t => Data;

    protected override Task<RecordTable> LoadForAsync(PortalUser user, int leaderId, DateOnly day) =>
        Progress.RecordTableAsync(user, leaderId, day);

    private async Task PrintAsync() => await JS.InvokeVoidAsync("print");
}
