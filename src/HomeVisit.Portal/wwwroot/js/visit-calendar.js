// FullCalendar for the VisitCalendar component (Calendar/VisitCalendar.razor). The component imports this module,
// calls create() once the element exists and destroy() when it goes away; events and drops go through the .NET object.
//
// Times: visit times are the institution's wall-clock times, and "now" is the institution's now, both sent as ISO
// strings without an offset. FullCalendar runs in its 'UTC' zone so it treats them as plain wall-clock values: the
// browser's zone (a laptop set to another zone, a DST change) never shifts a visit or "today".

const base = new URL('../lib/fullcalendar/', import.meta.url);
let loading = null;

function script(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error('Could not load ' + src));
    document.head.appendChild(s);
  });
}

// The bundle is ~280 KB: loaded on the first calendar page only, once per page load.
function loadFullCalendar() {
  if (window.FullCalendar) return Promise.resolve();
  loading ??= script(new URL('index.global.min.js', base).href)
    .then(() => script(new URL('locales/zh-cn.global.min.js', base).href));
  return loading;
}

// A Date FullCalendar made in its UTC zone back to the wall-clock string it stands for.
function wallClock(date) {
  return date.toISOString().slice(0, 19);
}

const views = { month: 'dayGridMonth', week: 'timeGridWeek', day: 'timeGridDay', list: 'listMonth' };

export async function create(element, options, dotnet) {
  await loadFullCalendar();
  const viewNames = options.views.map(v => views[v]).filter(Boolean);
  const calendar = new window.FullCalendar.Calendar(element, {
    timeZone: 'UTC',
    now: options.now,
    initialDate: options.now.slice(0, 10),
    initialView: viewNames[0],
    locale: options.locale,
    headerToolbar: { left: 'prev,next today', center: 'title', right: viewNames.join(',') },
    buttonText: options.buttonText,
    noEventsText: options.noEventsText,
    height: options.height,
    slotMinTime: '07:00:00',
    slotMaxTime: '23:00:00',
    scrollTime: '08:00:00',
    allDaySlot: false,
    nowIndicator: true,
    // Block, not the month view's coloured dot: the programme colour is how visits are told apart at a glance.
    eventDisplay: 'block',
    displayEventEnd: false,
    eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
    slotLabelFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
    editable: options.editable,
    eventDurationEditable: false,
    events: (info, success, failure) => {
      dotnet.invokeMethodAsync('Load', wallClock(info.start), wallClock(info.end)).then(success, failure);
    },
    eventDidMount: info => {
      const p = info.event.extendedProps;
      info.el.setAttribute('data-visit-id', info.event.id);
      info.el.setAttribute('data-overdue', p.overdue ? 'true' : 'false');
      info.el.setAttribute('data-status', p.status);
      info.el.setAttribute('title', p.tooltip);
    },
    eventDrop: info => {
      // A month view's day has no time: the service gets the day and keeps the visit's time of day.
      const wholeDay = info.view.type.startsWith('dayGrid');
      dotnet.invokeMethodAsync('Drop', Number(info.event.id), wallClock(info.event.start), wholeDay)
        .then(moved => { if (moved) calendar.refetchEvents(); else info.revert(); }, () => info.revert());
    },
    datesSet: info => {
      element.setAttribute('data-view', info.view.type);
    },
  });
  calendar.render();
  element.setAttribute('data-ready', 'true');
  return {
    refetch: () => calendar.refetchEvents(),
    destroy: () => calendar.destroy(),
  };
}
