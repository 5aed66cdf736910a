namespace HomeVisit.Programmes.Huifang;

public partial class RevisitFeedbackForm
{
    private RevisitFeedbackEdit _feedback => Model;

    protected override RevisitFeedbackEdit ModelFor(RevisitDetail d) => new()
    {
        Version = d.Version,
        FedBackToPersonOn = d.FedBackToPersonOn?.ToDateTime(TimeOnly.MinValue),
        FedBackToUnitOn = d.FedBackToUnitOn?.ToDateTime(TimeOnly.MinValue),
        // The person's unit's party organisation, as the office usually writes it.
        FeedbackUnitName = d.FeedbackUnitName ?? (d.UnitName is { } u ? $"{u}党组织" : null),
        FeedbackNote = d.FeedbackNote,
    };

    protected override Task SubmitAsync(RevisitFeedbackEdit model) => Revisits.RecordFeedbackAsync(User, VisitId, model);

    protected override string SavedMessage => T["已登记反馈"];
}
