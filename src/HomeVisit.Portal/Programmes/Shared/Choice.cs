namespace HomeVisit.Portal.Programmes.Shared;

/// <summary>A value with its display text, for checkbox lists (<see cref="ChoiceChecks{TValue}"/>) and MudSelect items.</summary>
public sealed record Choice<T>(T Value, string Text);
