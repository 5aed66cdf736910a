using HomeVisit.Core.Data;
using HomeVisit.Portal.Localization;
using Microsoft.Extensions.Localization;

namespace HomeVisit.Portal.Shared;

/// <summary>
/// The one load pattern of every page that shows a record: the service decides whether the user may see it, and a refusal
/// (the record does not exist, or the user has no right to it) is not an error of the portal but what the page shows
/// instead of the record, in the page's own texts. <see cref="FormSubmission"/> is the same for saving.
/// </summary>
public static class PageLoad
{
    /// <summary>
    /// Loads what the page shows. Returns it and no error; after a refusal, nothing (so the page forgets what it showed
    /// before) and the service's message in <paramref name="texts"/>, the page's own (module) texts.
    /// </summary>
    /// <param name="validates">
    /// The load also checks what was asked (a year from the address, a record that cannot be shown in this form): its
    /// <see cref="PortalValidationException"/> is a refusal too. False: it is not caught, as a failure of the page.
    /// </param>
    public static async Task<(T? Value, string? Error)> RunAsync<T>(Func<Task<T>> load, IStringLocalizer texts, bool validates = false)
    {
        try
        {
            return (await load(), null);
        }
        catch (Exception e) when (IsRefusal(e, validates))
        {
            return (default, texts.Error(e));
        }
    }

    /// <summary>
    /// Loads what the page shows into the page's own fields (several, or in steps); returns null, or after a refusal the
    /// service's message in <paramref name="texts"/>. What was loaded before the refusal stays: the page clears it if need be.
    /// </summary>
    public static async Task<string?> RunAsync(Func<Task> load, IStringLocalizer texts, bool validates = false)
    {
        try
        {
            await load();
            return null;
        }
        catch (Exception e) when (IsRefusal(e, validates))
        {
            return texts.Error(e);
        }
    }

    private static bool IsRefusal(Exception e, bool validates) =>
        e is NotFoundException or AccessDeniedException || (validates && e is PortalValidationException);
}
