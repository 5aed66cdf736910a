namespace HomeVisit.Portal.Account.Sso;

/// <summary>Resource set of campus SSO: the problem page and /admin/sso; English in SsoResources.en.resx.</summary>
public sealed class SsoResources;
