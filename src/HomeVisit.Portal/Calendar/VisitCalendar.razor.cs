using System.Globalization;
using HomeVisit.Core.Calendar;
using HomeVisit.Core.Data;
using HomeVisit.Core.Visits;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace HomeVisit.Portal.Calendar;

/// <summary>
/// A calendar of visits on FullCalendar (month, week, day and list views), coloured by programme, opening a visit on
/// click. "Today" is the institution's today (<see cref="InstitutionTime"/>), handed to FullCalendar as its <c>now</c>,
/// so neither the browser's nor the server's zone decides which day is highlighted or which month opens.
/// Visits are loaded per visible range through <see cref="LoadEntries"/>; a drop calls <see cref="Moved"/>, which
/// decides (and asks the user) and answers whether the visit moved: if not, the visit goes back where it was.
/// </summary>
public sealed partial class VisitCalendar : IAsyncDisposable
{
    /// <summary>The views offered, in toolbar order; the first opens. Any of month, week, day, list.</summary>
    public static readonly IReadOnlyList<string> AllViews = ["month", "week", "day", "list"];

    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    /// <summary>The visits from (inclusive) to (exclusive), as institution wall-clock times.</summary>
    [Parameter, EditorRequired] public Func<DateTime, DateTime, Task<IReadOnlyList<CalendarEntry>>> LoadEntries { get; set; } = default!;

    /// <summary>
    /// A visit dropped on a new start (already the visit's own time of day on a month view's day). Returns whether it
    /// moved. Without it nothing can be dragged.
    /// </summary>
    [Parameter] public Func<CalendarEntry, DateTime, Task<bool>>? Moved { get; set; }

    /// <summary>Which visits may be dragged (when <see cref="Moved"/> is set); by default all.</summary>
    [Parameter] public Func<CalendarEntry, bool>? CanMove { get; set; }

    /// <summary>The hover text of a visit.</summary>
    [Parameter] public Func<CalendarEntry, string>? Describe { get; set; }

    [Parameter] public IReadOnlyList<string> Views { get; set; } = AllViews;
    [Parameter] public int Height { get; set; } = 720;
    [Parameter] public string TestId { get; set; } = "calendar";

    private ElementReference _element;
    private DateTime _now;
    private DotNetObjectReference<VisitCalendar>? _self;
    private IJSObjectReference? _module;
    private IJSObjectReference? _calendar;
    private readonly Dictionary<int, CalendarEntry> _shown = [];

    private string TodayText => _now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private string NowText => _now.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);

    protected override void OnInitialized() => _now = Clock.Now();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _self = DotNetObjectReference.Create(this);
        _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/visit-calendar.js");
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        _calendar = await _module.InvokeAsync<IJSObjectReference>("create", _element, new
        {
            now = NowText,
            locale = english ? "en" : "zh-cn",
            views = Views,
            editable = Moved is not null,
            height = Height,
            buttonText = new { today = T["今天"].Value, month = T["月"].Value, week = T["周"].Value, day = T["日"].Value, list = T["日程"].Value },
            noEventsText = T["此范围内没有家访。"].Value,
        }, _self);
    }

    /// <summary>Loads the visible range again (after a filter changed).</summary>
    public async Task ReloadAsync()
    {
        if (_calendar is not null) await _calendar.InvokeVoidAsync("refetch");
    }

    [JSInvokable]
    public async Task<IReadOnlyList<FullCalendarEvent>> Load(string from, string to)
    {
        var entries = await LoadEntries(Parse(from), Parse(to));
        var startOfToday = Clock.StartOfToday();
        _shown.Clear();
        foreach (var e in entries) _shown[e.VisitId] = e;
        return entries.Select(e => ToEvent(e, VisitSchedule.IsOverdue(e.Status, e.Start, startOfToday))).ToList();
    }

    [JSInvokable]
    public async Task<bool> Drop(int visitId, string start, bool wholeDay)
    {
        if (Moved is null || !_shown.TryGetValue(visitId, out var entry)) return false;
        var dropped = Parse(start);
        // FullCalendar keeps the time of day on a day-grid drop; the rule is the service's, so it decides, not the script.
        var newStart = wholeDay ? CalendarService.DroppedStart(entry.Start, dropped.Date, dropped.Date - entry.Start) : dropped;
        var moved = await Moved(entry, newStart);
        StateHasChanged();
        return moved;
    }

    private FullCalendarEvent ToEvent(CalendarEntry e, bool overdue)
    {
        var classes = new List<string>();
        if (e.Status == VisitStatus.Cancelled) classes.Add("hv-cal-cancelled");
        else if (e.Status == VisitStatus.Done) classes.Add("hv-cal-done");
        if (overdue) classes.Add("hv-cal-overdue");
        return new FullCalendarEvent(
            e.VisitId.ToString(CultureInfo.InvariantCulture), e.Targets,
            e.Start.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), e.End.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            $"/visits/{e.VisitId}", e.Colour, e.Colour, classes,
            Moved is not null && (CanMove?.Invoke(e) ?? true),
            new FullCalendarEventProps(overdue, e.Status.ToString(), Describe?.Invoke(e) ?? e.Title));
    }

    private static DateTime Parse(string wallClock) =>
        DateTime.ParseExact(wallClock, "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_calendar is not null)
            {
                await _calendar.InvokeVoidAsync("destroy");
                await _calendar.DisposeAsync();
            }
            if (_module is not null) await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone and the page with it: nothing left to clean up in the browser.
        }
        _self?.Dispose();
    }
}

/// <summary>A FullCalendar event object (serialised in camelCase by JS interop).</summary>
public sealed record FullCalendarEvent(string Id, string Title, string Start, string End, string Url, string BackgroundColor, string BorderColor,
    IReadOnlyList<string> ClassNames, bool Editable, FullCalendarEventProps ExtendedProps);

public sealed record FullCalendarEventProps(bool Overdue, string Status, string Tooltip);
