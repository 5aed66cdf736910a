namespace HomeVisit.Programmes.Huifang;

/// <summary>Resource set of 受处分人员回访关爱's pages, labels and menu entries; English in HuifangResources.en.resx.</summary>
public sealed class HuifangResources;
