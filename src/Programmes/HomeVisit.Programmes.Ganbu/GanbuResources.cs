namespace HomeVisit.Programmes.Ganbu;

/// <summary>Resource set of 干部家访's pages, labels and menu entries; English in GanbuResources.en.resx.</summary>
public sealed class GanbuResources;
