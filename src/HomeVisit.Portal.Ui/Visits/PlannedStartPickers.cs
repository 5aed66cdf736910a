namespace HomeVisit.Portal.Visits;

/// <summary>
/// A plan's start edited by a date picker and a time picker side by side (bind them to <see cref="Date"/> and
/// <see cref="Time"/>), while the model keeps one DateTime. A day picked without a time starts at the form's usual hour,
/// never at 00:00; a time picked before the day is kept for it.
/// </summary>
/// <param name="get">The model's planned start (the model may be replaced by a reload: read it each time).</param>
/// <param name="set">Stores a new planned start on the model.</param>
/// <param name="defaultTime">The usual hour of the form chosen now (上门家访 in the evening, a talk in the morning).</param>
/// <param name="changed">Tells the form the planned start changed, so its error beside the field goes.</param>
public sealed class PlannedStartPickers(Func<DateTime?> get, Action<DateTime?> set, Func<TimeSpan> defaultTime, Action changed)
{
    private TimeSpan? _pickedTime;

    public DateTime? Date
    {
        get => get()?.Date;
        set
        {
            set(value is { } d ? d.Date + (get()?.TimeOfDay ?? _pickedTime ?? defaultTime()) : null);
            changed();
        }
    }

    public TimeSpan? Time
    {
        get => get()?.TimeOfDay ?? _pickedTime ?? defaultTime();
        set
        {
            _pickedTime = value;
            if (get() is { } s && value is { } t) set(s.Date + t);
            changed();
        }
    }
}
