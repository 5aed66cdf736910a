namespace HomeVisit.Portal.Localization;

/// <summary>Resource set of enum names (<see cref="EnumNames"/> gives the Chinese key); English in EnumResources.en.resx.</summary>
public sealed class EnumResources;
