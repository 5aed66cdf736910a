namespace HomeVisit.Portal.Localization;

/// <summary>
/// Resource set of the core UI (every page outside a programme module and SSO) and of the core's own messages:
/// validation, periods, quota reasons, reminders. English in PortalResources.en.resx, keyed by the Chinese text.
/// </summary>
public sealed class PortalResources;
