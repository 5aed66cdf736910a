namespace HomeVisit.Portal.Programmes.Shared;

/// <summary>A value with its display text, for Radzen checkbox lists and drop-downs.</summary>
public sealed record Choice<T>(T Value, string Text);
