namespace HomeVisit.Programmes.Lianzheng;

/// <summary>Resource set of 廉政家访's pages, labels and menu entries; English in LianzhengResources.en.resx.</summary>
public sealed class LianzhengResources;
