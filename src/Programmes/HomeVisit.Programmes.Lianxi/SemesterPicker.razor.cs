using HomeVisit.Core.Accounts;
using HomeVisit.Core.Programmes;
using Microsoft.AspNetCore.Components;

namespace HomeVisit.Programmes.Lianxi;

public partial class SemesterPicker
{
    [Inject] private LianxiProgressService Progress { get; set; } = default!;

    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;
    /// <summary>A day in the chosen semester (its start once picked).</summary>
    [Parameter] public DateOnly Day { get; set; }
    [Parameter] public EventCallback<DateOnly> DayChanged { get; set; }

    private IReadOnlyList<Period> _semesters = [];

    protected override async Task OnInitializedAsync()
    {
        _semesters = await Progress.SemestersAsync(User);
        // The page may start from any day (today, or ?day=): it moves to its semester's start so the choice shows as picked.
        var current = _semesters.FirstOrDefault(p => p.Contains(Day));
        if (current is not null && current.Start != Day) await DayChanged.InvokeAsync(current.Start);
    }

    private string Label(DateOnly day) =>
        _semesters.FirstOrDefault(p => p.Contains(day)) is { } p ? T.Period(p) : day.ToString("yyyy-MM-dd");

    private Task ChangedAsync(DateOnly day) => DayChanged.InvokeAsync(day);
}
