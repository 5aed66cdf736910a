using HomeVisit.Core.Access;

namespace HomeVisit.Programmes.Lianzheng;

/// <summary>Who may open 廉政家访 at all (decision 0015); roles inside the programme stay with <see cref="LianzhengService"/>.</summary>
public static class LianzhengAccess
{
    /// <summary>The programme's key, as its module registers it.</summary>
    public const string ProgrammeKey = LianzhengModule.ProgrammeKey;

    /// <summary>
    /// <c>Programme:lianzheng</c>: on every page of the module, and asked by <see cref="LianzhengService"/> (through
    /// <see cref="ProgrammeAccess"/>) for actions inside a live circuit and for the visit-page section. Refused, the page
    /// answers as an unknown address.
    /// </summary>
    public const string Policy = PortalPolicies.ProgrammePrefix + ProgrammeKey;
}
