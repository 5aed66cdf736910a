using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace HomeVisit.Programmes.Huifang;

public partial class SanctionKindFields
{
    [CascadingParameter] private EditContext? Edit { get; set; }

    /// <summary>The record being entered; its kinds, days and months are edited here.</summary>
    [Parameter, EditorRequired] public SanctionEdit Model { get; set; } = default!;

    // Choosing a kind fills in its influence period from the regulations; the office may change it.
    private void PartyKindChanged(PartySanction? kind)
    {
        Model.PartyKind = kind;
        Model.PartyInfluenceMonths = kind is { } k ? InfluencePeriods.DefaultMonths(k) : null;
        Edit?.NotifyFieldChanged(Edit.Field(nameof(SanctionEdit.PartyKind)));
    }

    private void GovernmentKindChanged(GovernmentSanction? kind)
    {
        Model.GovernmentKind = kind;
        Model.GovernmentInfluenceMonths = kind is { } k ? InfluencePeriods.DefaultMonths(k) : null;
        Edit?.NotifyFieldChanged(Edit.Field(nameof(SanctionEdit.GovernmentKind)));
    }
}
