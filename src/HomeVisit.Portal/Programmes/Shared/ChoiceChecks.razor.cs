using Microsoft.AspNetCore.Components;

namespace HomeVisit.Portal.Programmes.Shared;

public partial class ChoiceChecks<TValue>
{
    [Parameter, EditorRequired] public IEnumerable<Choice<TValue>> Choices { get; set; } = [];
    [Parameter, EditorRequired] public IEnumerable<TValue> Values { get; set; } = [];
    [Parameter] public EventCallback<IEnumerable<TValue>> ValuesChanged { get; set; }
    [Parameter] public string? TestId { get; set; }

    private Task ToggleAsync(TValue value, bool on)
    {
        var chosen = Values.Where(v => !EqualityComparer<TValue>.Default.Equals(v, value)).ToList();
        if (on) chosen.Add(value);
        // Values the choices no longer offer are kept (the service then names them), the rest follow the choices' order.
        var ordered = Choices.Select(c => c.Value).Where(chosen.Contains).Concat(chosen.Where(v => !Choices.Any(c => EqualityComparer<TValue>.Default.Equals(c.Value, v)))).ToList();
        return ValuesChanged.InvokeAsync(ordered);
    }
}
