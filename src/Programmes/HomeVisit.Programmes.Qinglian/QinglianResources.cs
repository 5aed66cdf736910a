namespace HomeVisit.Programmes.Qinglian;

/// <summary>Resource set of 清廉家访's pages, labels and menu entries; English in QinglianResources.en.resx.</summary>
public sealed class QinglianResources;
