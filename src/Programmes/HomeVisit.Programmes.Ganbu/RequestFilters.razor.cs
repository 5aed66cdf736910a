using HomeVisit.Core.Institutions;
using Microsoft.AspNetCore.Components;

namespace HomeVisit.Programmes.Ganbu;

public partial class RequestFilters
{
    [Parameter, EditorRequired] public GanbuRequestQuery Query { get; set; } = default!;
    [Parameter] public EventCallback<GanbuRequestQuery> QueryChanged { get; set; }
    [Parameter] public IReadOnlyList<UnitOption>? Units { get; set; }
    [Parameter] public string TestId { get; set; } = "requests-filter";

    private Task ChangeAsync(GanbuRequestQuery q) => QueryChanged.InvokeAsync(q);

    // The text field waits for a pause in typing (DebounceInterval) before it reports.
    private Task OnSearchChangedAsync(string? text) =>
        ChangeAsync(Query with { Search = string.IsNullOrWhiteSpace(text) ? null : text.Trim() });

    private string UnitName(int? id) => id is int i && Units?.FirstOrDefault(u => u.Id == i) is { } u ? u.Name : "";

    private string UnitLabel(int? id) => id is int i && Units?.FirstOrDefault(u => u.Id == i) is { } u ? u.Label : "";

    private Task<IEnumerable<int?>> SearchUnitsAsync(string? text, CancellationToken _) =>
        Task.FromResult((Units ?? []).Where(u => string.IsNullOrWhiteSpace(text) || u.Name.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase))
                                     .Select(u => (int?)u.Id));
}
