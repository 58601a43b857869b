/**
 * The Query tab's schedule editor: off, every N minutes or hours, daily at HH:MM, weekly on
 * chosen weekdays at HH:MM, and an optional end date, all in the spreadsheet's time zone. A
 * folded block whose summary says the current schedule; every field has a label, weekdays are
 * checkboxes in a fieldset, and problems are announced politely. Edits become the draft's
 * schedule text (saved through saveQuery, which validates it again).
 */
import { WEEKDAYS } from '../../../shared/schedule-text';
import { h, markInvalid, replace, show } from '../dom';
import { type MessageKey, t } from '../i18n';
import {
  defaultFields,
  describeSchedule,
  fieldsFromText,
  fieldsProblemAt,
  SCHEDULE_KINDS,
  type ScheduleFields,
  type ScheduleKind,
  textFromFields,
  weekdayName,
} from '../schedule-form';

export interface ScheduleEditor {
  element: HTMLDetailsElement;
  /** Shows the stored schedule text (a text that does not parse is kept until the user edits). */
  fill(text: string, timeZone: string): void;
}

let editorCount = 0;

export function createScheduleEditor(
  onChange: (text: string) => void,
  extra: HTMLElement | null = null,
): ScheduleEditor {
  const id = `schedule-${++editorCount}`;
  let fields: ScheduleFields = defaultFields();
  const summary = h('summary', { testid: 'schedule-summary' });
  const kind = h(
    'select',
    {
      testid: 'schedule-kind',
      attrs: { id: `${id}-kind` },
      on: { change: () => edit({ kind: kind.value as ScheduleKind }) },
    },
    ...SCHEDULE_KINDS.map((k) => h('option', { attrs: { value: k } }, t(`schedule.kind.${k}` as MessageKey))),
  );
  const every = h('input', {
    testid: 'schedule-every',
    attrs: { id: `${id}-every`, type: 'number', min: '1', max: '1440', step: '1', inputmode: 'numeric' },
    on: { input: () => edit({ every: every.value }) },
  });
  const time = h('input', {
    testid: 'schedule-time',
    attrs: { id: `${id}-time`, type: 'time', step: '60' },
    on: { input: () => edit({ time: time.value }) },
  });
  const dayBoxes = WEEKDAYS.map((day) =>
    h('input', {
      testid: `schedule-day-${day}`,
      attrs: { type: 'checkbox', value: day },
      on: { change: () => edit({ days: WEEKDAYS.filter((_d, i) => dayBoxes[i].checked) }) },
    }),
  );
  const until = h('input', {
    testid: 'schedule-until',
    attrs: { id: `${id}-until`, type: 'date' },
    on: { input: () => edit({ until: until.value }) },
  });
  const label = (input: HTMLElement, key: MessageKey) => h('label', { attrs: { for: input.id } }, t(key), input);
  const everyRow = label(every, 'schedule.every');
  const timeRow = label(time, 'schedule.time');
  const daysRow = h(
    'fieldset',
    { class: 'weekdays', testid: 'schedule-days' },
    h('legend', {}, t('schedule.days')),
    ...WEEKDAYS.map((day, i) => h('label', { class: 'inline' }, dayBoxes[i], weekdayName(day))),
  );
  const untilRow = label(until, 'schedule.untilLabel');
  const problem = h('div', {
    class: 'error',
    testid: 'schedule-problem',
    attrs: { role: 'status', 'aria-live': 'polite', id: `${id}-problem` },
  });
  const zoneHint = h('div', { class: 'gray', testid: 'schedule-zone' });
  const element = h(
    'details',
    { class: 'block schedule', testid: 'schedule-editor' },
    summary,
    label(kind, 'schedule.kind'),
    everyRow,
    timeRow,
    daysRow,
    untilRow,
    problem,
    zoneHint,
    h('div', { class: 'gray' }, t('schedule.paramsHint')),
    extra,
  );

  function render(storedText: string): void {
    kind.value = fields.kind;
    every.value = fields.every;
    every.max = fields.kind === 'hours' ? '24' : '1440';
    time.value = fields.time;
    dayBoxes.forEach((box, i) => {
      box.checked = fields.days.includes(WEEKDAYS[i]);
    });
    until.value = fields.until;
    show(everyRow, fields.kind === 'minutes' || fields.kind === 'hours');
    show(timeRow, fields.kind === 'daily' || fields.kind === 'weekly');
    show(daysRow, fields.kind === 'weekly');
    show(untilRow, fields.kind !== 'off');
    const found = fieldsProblemAt(fields);
    const wrong = found?.message ?? null;
    replace(problem, wrong ?? '');
    // The field with the problem says so, and is described by the message.
    const marked = { every: [every], time: [time], days: dayBoxes, until: [until] };
    for (const [name, elements] of Object.entries(marked))
      for (const el of elements) markInvalid(el, found?.field === name ? problem.id : null);
    replace(summary, t('schedule.summary', { schedule: wrong ? '…' : describeSchedule(storedText) }));
  }

  function edit(change: Partial<ScheduleFields>): void {
    fields = { ...fields, ...change };
    const text = textFromFields(fields);
    render(text);
    onChange(text);
  }

  return {
    element,
    fill(text, timeZone) {
      const parsed = fieldsFromText(text);
      fields = parsed ?? defaultFields();
      replace(zoneHint, t('schedule.zoneHint', { zone: timeZone }));
      render(text);
      if (!parsed) {
        replace(problem, describeSchedule(text));
        replace(summary, t('schedule.summary', { schedule: describeSchedule(text) }));
      }
    },
  };
}
