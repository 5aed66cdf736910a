namespace HomeVisit.Programmes.Lianxi;

/// <summary>Resource set of 联系师生's pages, labels and menu entries; English in LianxiResources.en.resx.</summary>
public sealed class LianxiResources;
