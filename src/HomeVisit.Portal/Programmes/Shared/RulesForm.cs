using HomeVisit.Core.Programmes;

namespace HomeVisit.Portal.Programmes.Shared;

/// <summary>
/// The settings page's form model: the new version's rules, its effective date and note. One instance per page,
/// so the EditContext stays the same when the rules inside are replaced (恢复为文件默认值) and the service's
/// message keys (VisitorRoles, Quotas[1].Minimum, EffectiveFrom, ...) all hang on it.
/// </summary>
public sealed class RulesForm
{
    public ProgrammeRules Rules { get; set; } = new();
    public DateTime? EffectiveFrom { get; set; }
    public string? Note { get; set; }
}
