namespace HomeVisit.Programmes.Huifang;

public partial class RevisitArchiveForm
{
    private RevisitArchiveEdit _archive => Model;

    protected override RevisitArchiveEdit ModelFor(RevisitDetail d) =>
        new() { Version = d.Version, ArchivedOn = d.ArchivedOn?.ToDateTime(TimeOnly.MinValue), ArchiveNote = d.ArchiveNote };

    protected override Task SubmitAsync(RevisitArchiveEdit model) => Revisits.ArchiveAsync(User, VisitId, model);

    protected override string SavedMessage => T["已登记存档"];
}
