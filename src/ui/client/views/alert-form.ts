/**
 * The add/edit form of an alert: name; the condition (selector with a short explanation, column
 * with the result's columns to pick from, operator, threshold as typed); destinations as
 * checkboxes; pending evaluations; rearm (once, every evaluation, at most every N minutes or
 * hours); recovery / unknown notices; muted; message templates with their variables and a
 * preview. Save shows the server's problems next to their fields (aria-invalid,
 * aria-describedby) and focuses the first; Delete asks first. Every control has a label.
 */
import type { AlertPreviewView, AlertRuleProblem, AlertView, DestinationView } from '../../../shared/api-types';
import {
  type AlertControl,
  type AlertFields,
  CONTROL_ORDER,
  controlOf,
  fieldsFromRule,
  newRuleFields,
  OPS,
  REARM_MODES,
  type RearmMode,
  type RearmUnit,
  ruleFromFields,
  SELECTORS,
  TEMPLATE_VARIABLES,
} from '../alert-form-model';
import { call } from '../api';
import { messageOf } from '../context';
import { append, confirmInline, h, replace, show } from '../dom';
import { type MessageKey, t } from '../i18n';

export interface AlertFormDeps {
  queryId: string;
  queryName: string;
  /** The query's result columns when known (the last preview), offered for the column field. */
  columns: string[];
  /** The destinations to choose from (null when they could not be listed). */
  destinations: DestinationView[] | null;
  /** Opened by the one-click check, which found no destination to send to: say to choose one. */
  chooseDestinationHint?: boolean;
  showError(message: string | null): void;
  saved(view: AlertView): void;
  deleted(view: AlertView): void;
  close(): void;
  /** Goes to the Destinations section (Data sources tab) to add one. */
  openDestinations(): void;
  /** Lists the destinations again (after one was added). */
  reloadDestinations(): Promise<DestinationView[] | null>;
}

export interface AlertForm {
  element: HTMLElement;
  /** Focuses where the user starts: a destination when asked to choose one, the name otherwise. */
  focusStart(): void;
}

let formCount = 0;

export function alertForm(alert: AlertView | null, deps: AlertFormDeps): AlertForm {
  const id = `alert-form-${++formCount}`;
  const start = alert ? fieldsFromRule(alert) : newRuleFields('');
  let destinations = deps.destinations;
  let busy = false;
  /** What each control marks as invalid, where its problem is said, and what describes it anyway. */
  const targets = new Map<AlertControl, { inputs: HTMLElement[]; box: HTMLElement; described: string }>();

  const problemBox = (control: AlertControl) =>
    h('div', { class: 'field-problem', testid: `alert-problem-${control}`, attrs: { id: `${id}-${control}-problem` } });
  function register(control: AlertControl, inputs: HTMLElement[], described = ''): HTMLElement {
    const box = problemBox(control);
    show(box, false);
    targets.set(control, { inputs, box, described });
    for (const input of inputs) if (described) input.setAttribute('aria-describedby', described);
    return box;
  }
  const labelled = (key: MessageKey, input: HTMLElement, ...more: (HTMLElement | null)[]) =>
    h('label', { attrs: { for: input.id } }, t(key), input, ...more);

  // --- name
  const name = h('input', {
    testid: 'alert-name',
    attrs: { id: `${id}-name`, type: 'text', autocomplete: 'off', placeholder: t('alerts.namePlaceholder') },
    props: { value: start.name },
  });

  // --- condition
  const selectorHelp = h('div', { class: 'gray help', testid: 'alert-selector-help', attrs: { id: `${id}-sel-help` } });
  const selector = h(
    'select',
    { testid: 'alert-selector', attrs: { id: `${id}-selector` }, on: { change: () => renderCondition() } },
    ...SELECTORS.map((s) =>
      h('option', { props: { value: s, selected: s === start.selector } }, t(`alerts.selector.${s}` as MessageKey)),
    ),
  );
  const columnList = h(
    'datalist',
    { testid: 'alert-columns', attrs: { id: `${id}-columns` } },
    ...deps.columns.map((c) => h('option', { props: { value: c } })),
  );
  const columnHelp = h(
    'div',
    { class: 'gray help', attrs: { id: `${id}-col-help` } },
    deps.columns.length > 0 ? t('alerts.columnsKnown') : t('alerts.columnsUnknown'),
  );
  const column = h('input', {
    testid: 'alert-column',
    attrs: { id: `${id}-column`, type: 'text', list: columnList.id, autocomplete: 'off' },
    props: { value: start.column },
  });
  const op = h(
    'select',
    { testid: 'alert-op', attrs: { id: `${id}-op` } },
    ...OPS.map((o) => h('option', { props: { value: o, selected: o === start.op } }, opLabel(o))),
  );
  const value = h('input', {
    testid: 'alert-value',
    attrs: { id: `${id}-value`, type: 'text', autocomplete: 'off' },
    props: { value: start.value },
  });
  const columnRow = labelled(
    'alerts.column',
    column,
    columnList,
    columnHelp,
    register('column', [column], columnHelp.id),
  );

  // --- destinations
  const destBox = h('div', { class: 'dest-choices' });
  const destHint = deps.chooseDestinationHint
    ? h(
        'div',
        { class: 'warning', testid: 'alert-dest-hint', attrs: { id: `${id}-dest-hint` } },
        t('alerts.chooseDest'),
      )
    : null;
  const destFieldset = h(
    'fieldset',
    { class: 'choices', testid: 'alert-destinations' },
    h('legend', {}, t('alerts.destinations')),
    destHint,
    destBox,
  );
  let destChecks: HTMLInputElement[] = [];
  const destProblem = problemBox('destinations');
  show(destProblem, false);

  // --- pending, rearm, switches
  const pendingHelp = h('div', { class: 'gray help', attrs: { id: `${id}-pending-help` } }, t('alerts.pendingHelp'));
  const pending = h('input', {
    testid: 'alert-pending',
    attrs: { id: `${id}-pending`, type: 'number', min: '1', max: '100', step: '1', inputmode: 'numeric' },
    props: { value: start.pending },
  });
  const rearmMode = h(
    'select',
    { testid: 'alert-rearm-mode', attrs: { id: `${id}-rearm` }, on: { change: () => renderRearm() } },
    ...REARM_MODES.map((m) =>
      h('option', { props: { value: m, selected: m === start.rearmMode } }, t(`alerts.rearm.${m}` as MessageKey)),
    ),
  );
  const rearmEvery = h('input', {
    testid: 'alert-rearm-every',
    attrs: { id: `${id}-rearm-every`, type: 'number', min: '1', step: '1', inputmode: 'numeric' },
    props: { value: start.rearmEvery },
  });
  const rearmUnit = h(
    'select',
    { testid: 'alert-rearm-unit', attrs: { id: `${id}-rearm-unit`, 'aria-label': t('alerts.rearmUnit') } },
    h('option', { props: { value: 'minutes', selected: start.rearmUnit === 'minutes' } }, t('alerts.minutes')),
    h('option', { props: { value: 'hours', selected: start.rearmUnit === 'hours' } }, t('alerts.hours')),
  );
  const rearmEveryRow = h(
    'div',
    { class: 'rearm-every' },
    h('label', { attrs: { for: rearmEvery.id } }, t('alerts.rearmEvery')),
    h('div', { class: 'row' }, rearmEvery, rearmUnit),
    register('rearmEvery', [rearmEvery]),
  );
  const checkbox = (testid: string, checked: boolean) =>
    h('input', { testid, attrs: { type: 'checkbox', id: `${id}-${testid}` }, props: { checked } });
  const notifyRecovery = checkbox('alert-notify-recovery', start.notifyRecovery);
  const notifyUnknown = checkbox('alert-notify-unknown', start.notifyUnknown);
  const muted = checkbox('alert-muted', start.muted);
  const switchRow = (input: HTMLInputElement, control: AlertControl, key: MessageKey) =>
    h('div', {}, h('label', { class: 'inline' }, input, t(key)), register(control, [input]));

  // --- templates and preview
  const textarea = (testid: string, text: string) =>
    h('textarea', {
      testid,
      attrs: { id: `${id}-${testid}`, rows: '3', placeholder: t('alerts.templateDefault') },
      props: { value: text },
    });
  const triggered = textarea('alert-template-triggered', start.triggered);
  const recovered = textarea('alert-template-recovered', start.recovered);
  const variables = h(
    'div',
    { class: 'gray help', testid: 'alert-template-vars', attrs: { id: `${id}-vars` } },
    t('alerts.templateVars'),
    h('ul', { class: 'vars' }, ...TEMPLATE_VARIABLES.map((v) => h('li', {}, h('code', {}, `{{${v}}}`)))),
  );
  const previewOut = h('div', { class: 'alert-preview', testid: 'alert-preview', attrs: { 'aria-live': 'polite' } });
  const previewButton = h(
    'button',
    { testid: 'btn-alert-preview', on: { click: () => void preview() } },
    t('alerts.preview'),
  );
  const templates = h(
    'details',
    { class: 'templates', testid: 'alert-templates', props: { open: Boolean(start.triggered || start.recovered) } },
    h('summary', {}, t('alerts.templates')),
    labelled('alerts.templateTriggered', triggered, register('triggered', [triggered], variables.id)),
    labelled('alerts.templateRecovered', recovered, register('recovered', [recovered], variables.id)),
    variables,
    h('div', { class: 'buttons' }, previewButton),
    previewOut,
  );

  // --- buttons and outcome
  const generalProblems = h('div', {
    class: 'error',
    testid: 'alert-problems',
    attrs: { tabindex: '-1', role: 'alert' },
  });
  show(generalProblems, false);
  const status = h('div', { class: 'test-result', testid: 'alert-form-status', attrs: { role: 'status' } });
  const saveButton = h(
    'button',
    { class: 'action', testid: 'btn-alert-save', on: { click: () => void save() } },
    t('alerts.save'),
  );
  const deleteButton = alert
    ? h('button', { testid: 'btn-alert-delete', on: { click: () => void remove() } }, t('alerts.delete'))
    : null;
  const buttons = h(
    'div',
    { class: 'buttons' },
    saveButton,
    deleteButton,
    h('button', { testid: 'btn-alert-cancel', on: { click: deps.close } }, t('common.close')),
  );
  const titleId = `${id}-title`;
  const element = h(
    'div',
    { class: 'ds-form alert-form block', testid: 'alert-form', attrs: { role: 'group', 'aria-labelledby': titleId } },
    h(
      'div',
      { class: 'dialog-title', attrs: { id: titleId } },
      alert ? t('alerts.editTitle', { name: alert.name }) : t('alerts.newTitle', { query: deps.queryName }),
    ),
    generalProblems,
    labelled('alerts.name', name, register('name', [name])),
    h(
      'fieldset',
      { class: 'choices', testid: 'alert-condition' },
      h('legend', {}, t('alerts.condition')),
      labelled('alerts.selector', selector, selectorHelp, register('selector', [selector], selectorHelp.id)),
      columnRow,
      labelled('alerts.op', op, register('op', [op])),
      labelled('alerts.value', value, register('value', [value])),
    ),
    destFieldset,
    labelled('alerts.pending', pending, pendingHelp, register('pending', [pending], pendingHelp.id)),
    h(
      'fieldset',
      { class: 'choices', testid: 'alert-rearm' },
      h('legend', {}, t('alerts.rearm')),
      labelled('alerts.rearmMode', rearmMode, register('rearm', [rearmMode])),
      rearmEveryRow,
    ),
    switchRow(notifyRecovery, 'notifyRecovery', 'alerts.notifyRecovery'),
    switchRow(notifyUnknown, 'notifyUnknown', 'alerts.notifyUnknown'),
    switchRow(muted, 'muted', 'alerts.muted'),
    templates,
    buttons,
    status,
  );

  function opLabel(o: string): string {
    const words: Record<string, MessageKey> = {
      '>': 'alerts.op.gt',
      '>=': 'alerts.op.ge',
      '<': 'alerts.op.lt',
      '<=': 'alerts.op.le',
      '==': 'alerts.op.eq',
      '!=': 'alerts.op.ne',
    };
    return `${o}  ${t(words[o])}`;
  }

  function renderCondition(): void {
    replace(selectorHelp, t(`alerts.selectorHelp.${selector.value}` as MessageKey));
    show(columnRow, selector.value !== 'count');
  }

  function renderRearm(): void {
    show(rearmEveryRow, rearmMode.value === 'interval');
  }

  function renderDestinations(): void {
    const chosen = new Set(
      destChecks.length > 0 ? destChecks.filter((c) => c.checked).map((c) => c.value) : start.destinations,
    );
    const described = destHint?.id ?? '';
    if (destinations === null || destinations.length === 0) {
      destChecks = [];
      const openButton = h(
        'button',
        { class: 'small', testid: 'btn-alert-open-destinations', on: { click: deps.openDestinations } },
        t('alerts.openDestinations'),
      );
      const reloadButton = h(
        'button',
        { class: 'small', testid: 'btn-alert-reload-destinations', on: { click: () => void reloadDestinations() } },
        t('alerts.reloadDestinations'),
      );
      replace(
        destBox,
        h('div', { class: 'gray', testid: 'alert-no-destinations' }, t('alerts.noDestinations')),
        h('div', { class: 'buttons' }, openButton, reloadButton),
      );
      targets.set('destinations', { inputs: [openButton], box: destProblem, described });
    } else {
      destChecks = destinations.map((d) =>
        h('input', {
          testid: `alert-dest-${d.id}`,
          attrs: { type: 'checkbox', value: d.id, 'aria-describedby': described || undefined },
          props: { checked: chosen.has(d.id) },
        }),
      );
      replace(
        destBox,
        ...destinations.map((d, i) =>
          h(
            'label',
            { class: 'inline' },
            destChecks[i],
            h('span', {}, `${d.name} `, h('span', { class: 'gray' }, `(${d.kindLabel})`)),
          ),
        ),
      );
      targets.set('destinations', { inputs: destChecks, box: destProblem, described });
    }
    append(destBox, destProblem);
  }
  async function reloadDestinations(): Promise<void> {
    destinations = await deps.reloadDestinations();
    renderDestinations();
    (destChecks[0] ?? destBox.querySelector('button'))?.focus();
  }

  function fields(): AlertFields {
    return {
      name: name.value,
      selector: selector.value as AlertFields['selector'],
      column: column.value,
      op: op.value as AlertFields['op'],
      value: value.value,
      destinations: destChecks.filter((c) => c.checked).map((c) => c.value),
      pending: pending.value,
      rearmMode: rearmMode.value as RearmMode,
      rearmEvery: rearmEvery.value,
      rearmUnit: rearmUnit.value as RearmUnit,
      notifyRecovery: notifyRecovery.checked,
      notifyUnknown: notifyUnknown.checked,
      muted: muted.checked,
      triggered: triggered.value,
      recovered: recovered.value,
    };
  }

  function clearProblems(): void {
    replace(generalProblems);
    show(generalProblems, false);
    for (const target of targets.values()) {
      replace(target.box);
      show(target.box, false);
      for (const input of target.inputs) {
        input.removeAttribute('aria-invalid');
        if (target.described) input.setAttribute('aria-describedby', target.described);
        else input.removeAttribute('aria-describedby');
      }
    }
  }

  /** Shows each problem next to its field and focuses the first field (in form order) with one. */
  function showProblems(problems: AlertRuleProblem[]): void {
    clearProblems();
    const marked = new Set<AlertControl>();
    for (const problem of problems) {
      const control = controlOf(problem.field);
      const target = control ? targets.get(control) : undefined;
      // A problem of a field not shown (the column under count, the interval of another rearm) is said on top.
      const shown = target?.inputs.some((input) => !input.closest('[hidden]'));
      if (!control || !target || !shown) {
        append(generalProblems, h('div', {}, problem.message));
        show(generalProblems, true);
        continue;
      }
      append(target.box, h('div', {}, problem.message));
      show(target.box, true);
      marked.add(control);
      for (const input of target.inputs) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', [target.described, target.box.id].filter(Boolean).join(' '));
      }
    }
    if (marked.has('triggered') || marked.has('recovered')) templates.open = true;
    const first = CONTROL_ORDER.find((c) => marked.has(c));
    if (first) targets.get(first)?.inputs[0]?.focus();
    else generalProblems.focus();
  }

  async function save(): Promise<void> {
    if (busy) return;
    deps.showError(null);
    const built = ruleFromFields({ id: alert?.id ?? '', queryId: deps.queryId }, fields());
    if ('problems' in built) return showProblems(built.problems);
    busy = true;
    saveButton.setAttribute('aria-disabled', 'true');
    replace(status, h('span', { class: 'gray' }, t('query.saving')));
    try {
      const answer = await call('saveAlert', built.rule);
      if ('problems' in answer) {
        replace(status);
        showProblems(answer.problems);
      } else {
        clearProblems();
        deps.saved(answer.saved);
      }
    } catch (error) {
      replace(status);
      deps.showError(messageOf(error));
    } finally {
      busy = false;
      saveButton.removeAttribute('aria-disabled');
    }
  }

  async function remove(): Promise<void> {
    if (!alert || busy) return;
    const question = t('alerts.deleteConfirm', { name: alert.name });
    if (!(await confirmInline(buttons, question, t('alerts.delete'), t('common.cancel')))) {
      deleteButton?.focus();
      return;
    }
    deps.showError(null);
    try {
      await call('deleteAlert', { id: alert.id });
      deps.deleted(alert);
    } catch (error) {
      deps.showError(messageOf(error));
      deleteButton?.focus();
    }
  }

  async function preview(): Promise<void> {
    const built = ruleFromFields({ id: alert?.id ?? '', queryId: deps.queryId }, fields());
    if ('problems' in built) return showProblems(built.problems);
    replace(previewOut, h('span', { class: 'gray' }, t('common.loading')));
    try {
      const [fired, back] = await Promise.all(
        (['triggered', 'recovered'] as const).map((kind) => call('previewAlertMessage', { rule: built.rule, kind })),
      );
      const block = (kind: 'triggered' | 'recovered', view: AlertPreviewView) =>
        h(
          'div',
          { class: 'preview-message', testid: `alert-preview-${kind}` },
          h('div', { class: 'gray' }, t(kind === 'triggered' ? 'alerts.previewTriggered' : 'alerts.previewRecovered')),
          h('div', { class: 'item-name', testid: 'alert-preview-title' }, view.title),
          h('pre', { class: 'message-text', testid: 'alert-preview-text' }, view.text),
        );
      replace(
        previewOut,
        fired.sample || back.sample
          ? h('div', { class: 'gray', testid: 'alert-preview-sample' }, t('alerts.previewSample'))
          : null,
        block('triggered', fired),
        block('recovered', back),
      );
    } catch (error) {
      replace(previewOut, h('span', { class: 'error' }, messageOf(error)));
    }
  }

  renderCondition();
  renderRearm();
  renderDestinations();
  return {
    element,
    focusStart() {
      if (deps.chooseDestinationHint) (destChecks[0] ?? destBox.querySelector('button'))?.focus();
      else name.focus();
    },
  };
}
