using HomeVisit.Core.Data;
using HomeVisit.Portal.Localization;
using Microsoft.Extensions.Localization;

namespace HomeVisit.Portal.Shared;

/// <summary>
/// The one save pattern of every form page: a second click while saving does nothing; the service's field errors go
/// beside their fields (<see cref="ServerValidation"/>) and what was typed stays; a concurrent edit raises the conflict
/// banner instead of overwriting; a refusal (not found, no right) becomes the page's error line. Pages show
/// <see cref="FormAlerts"/> for the banner and the error, and disable their save button while <see cref="Busy"/>.
/// </summary>
public sealed class FormSubmission
{
    public bool Busy { get; private set; }

    /// <summary>Someone else saved the record since this page loaded it.</summary>
    public bool Conflict { get; private set; }

    public string? Error { get; set; }

    /// <summary>Runs the save; true when it went through. <paramref name="texts"/> are the page's own (module) texts.</summary>
    public async Task<bool> RunAsync(Func<Task> save, ServerValidation? validation, IStringLocalizer texts)
    {
        if (Busy) return false;
        Busy = true;
        Error = null;
        validation?.Clear();
        try
        {
            await save();
            Conflict = false;
            return true;
        }
        catch (PortalValidationException e)
        {
            // A refusal with no field to sit beside (or a page without fields) shows as the page's error line.
            if (validation is null || e.Messages.All(m => string.IsNullOrEmpty(m.Key))) Error = texts.Messages(e);
            else validation.Show(e);
        }
        catch (ConcurrencyConflictException)
        {
            Conflict = true;
        }
        catch (Exception e) when (e is NotFoundException or AccessDeniedException)
        {
            Error = texts.Error(e);
        }
        finally
        {
            Busy = false;
        }
        return false;
    }

    /// <summary>After the user chose to reload the latest version.</summary>
    public void Reset()
    {
        Conflict = false;
        Error = null;
    }
}
