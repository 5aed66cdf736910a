namespace HomeVisit.Programmes.Huifang;

public partial class RevisitNotesForm
{
    private RevisitNotesEdit _notes => Model;

    protected override RevisitNotesEdit ModelFor(RevisitDetail d) => new()
    {
        Version = d.Version, PersonNotes = d.PersonNotes, CaseNotes = d.CaseNotes, Approach = d.Approach,
        ReportingUnit = d.ReportingUnit, ReportedOn = d.ReportedOn?.ToDateTime(TimeOnly.MinValue), Remarks = d.Remarks,
    };

    protected override Task SubmitAsync(RevisitNotesEdit model) => Revisits.SaveNotesAsync(User, VisitId, model);

    protected override string SavedMessage => T["已保存"];
}
