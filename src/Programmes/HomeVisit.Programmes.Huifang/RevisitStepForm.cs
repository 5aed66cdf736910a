using HomeVisit.Core.Accounts;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Programmes.Huifang;

/// <summary>
/// One step's form on the revisit page (回访记录, 结果反馈, 存档): it edits <see cref="Model"/>, made from the revisit's
/// <see cref="Detail"/>, and saves it through <see cref="SubmitAsync"/>; after a save the page loads the revisit again.
/// </summary>
public abstract class RevisitStepForm<TEdit> : ComponentBase where TEdit : class, new()
{
    [Inject] protected RevisitService Revisits { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private Texts<HuifangResources> Texts { get; set; } = default!;

    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;
    [Parameter, EditorRequired] public int VisitId { get; set; }
    [Parameter, EditorRequired] public RevisitDetail Detail { get; set; } = default!;
    /// <summary>After a save, and when the user reloads after a conflict: the page loads the revisit again.</summary>
    [Parameter] public EventCallback OnSaved { get; set; }

    protected readonly FormSubmission _form = new();
    protected ServerValidation? _validation;
    private RevisitDetail? _shown;

    protected TEdit Model { get; private set; } = new();

    /// <summary>The form's values for a revisit as it was loaded.</summary>
    protected abstract TEdit ModelFor(RevisitDetail detail);

    /// <summary>Saves the form; throws what <see cref="FormSubmission"/> turns into messages.</summary>
    protected abstract Task SubmitAsync(TEdit model);

    /// <summary>The snackbar's text after a save.</summary>
    protected abstract string SavedMessage { get; }

    // A new detail (after a save or a reload) replaces what the form shows; a refused save keeps what was typed.
    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_shown, Detail)) return;
        _shown = Detail;
        Model = ModelFor(Detail);
    }

    protected async Task SaveAsync()
    {
        if (await _form.RunAsync(() => SubmitAsync(Model), _validation, Texts))
        {
            Snackbar.Add(SavedMessage, Severity.Success);
            await OnSaved.InvokeAsync();
        }
    }
}
