/**
 * The Health scores section of the Data sources tab: "Set up health scores / Repair" (setupHealth,
 * its report shown and announced, a link to the Health tab) and the band alerts' settings: on/off,
 * mute, the drop in points that also notifies, and the destinations as checkboxes. Loaded the
 * first time the tab is opened. Every control is labelled; all of it works from the keyboard.
 */
import type { DestinationView, HealthAlertSettings } from '../../../shared/api-types';
import { call } from '../api';
import { messageOf } from '../context';
import { h, replace, uniqueId } from '../dom';
import { t } from '../i18n';

export interface HealthSection {
  element: HTMLElement;
  /** Loads the band alert settings and the destinations, and shows them. */
  load(): Promise<void>;
}

export function createHealthSection(deps: { showError(message: string | null): void }): HealthSection {
  const report = h('div', { class: 'test-result', testid: 'health-report', attrs: { role: 'status' } });
  const setupButton = h(
    'button',
    { class: 'action', testid: 'btn-health-setup', on: { click: () => void setup() } },
    t('health.setup'),
  );
  const enabled = h('input', { testid: 'health-alerts-enabled', props: { type: 'checkbox', id: uniqueId('ha-on') } });
  const muted = h('input', { testid: 'health-alerts-muted', props: { type: 'checkbox', id: uniqueId('ha-mute') } });
  const drop = h('input', {
    testid: 'health-alerts-drop',
    props: { type: 'number', min: '0', max: '100', step: '1', id: uniqueId('ha-drop') },
  });
  const destinationsBox = h('div', { testid: 'health-alerts-destinations' });
  const saved = h('div', { class: 'gray', testid: 'health-alerts-saved', attrs: { role: 'status' } });
  const saveButton = h(
    'button',
    { class: 'action', testid: 'btn-health-alerts-save', on: { click: () => void save() } },
    t('health.alerts.save'),
  );
  const labelled = (input: HTMLInputElement, key: Parameters<typeof t>[0]) =>
    h('div', { class: 'field' }, input, ' ', h('label', { attrs: { for: input.id } }, t(key)));
  const element = h(
    'section',
    { class: 'block', testid: 'health-section', attrs: { 'aria-labelledby': 'health-title' } },
    h('h2', { class: 'section-title', attrs: { id: 'health-title' } }, t('health.title')),
    h('div', { class: 'gray' }, t('health.intro')),
    h('div', { class: 'block' }, setupButton),
    report,
    h(
      'fieldset',
      { class: 'block', testid: 'health-alerts' },
      h('legend', {}, t('health.alerts.title')),
      h('div', { class: 'gray', testid: 'health-alerts-when' }, t('health.alerts.when')),
      labelled(enabled, 'health.alerts.enabled'),
      labelled(muted, 'health.alerts.muted'),
      h('div', { class: 'field' }, h('label', { attrs: { for: drop.id } }, t('health.alerts.drop')), ' ', drop),
      h('fieldset', { class: 'block' }, h('legend', {}, t('health.alerts.destinations')), destinationsBox),
      h('div', { class: 'buttons' }, saveButton),
      saved,
    ),
  );
  let selected = new Set<string>();
  let destinations: DestinationView[] = [];

  async function load(): Promise<void> {
    try {
      const [settings, list] = await Promise.all([call('getHealthAlerts'), call('listDestinations')]);
      destinations = list;
      show(settings);
    } catch (error) {
      deps.showError(messageOf(error));
    }
  }

  function show(settings: HealthAlertSettings): void {
    enabled.checked = settings.enabled;
    muted.checked = settings.muted;
    drop.value = String(settings.dropPoints);
    selected = new Set(settings.destinations);
    if (destinations.length === 0) {
      replace(destinationsBox, h('div', { class: 'gray' }, t('health.alerts.noDestinations')));
      return;
    }
    replace(
      destinationsBox,
      ...destinations.map((d) => {
        const box = h('input', {
          testid: 'health-alerts-destination',
          attrs: { 'data-dest-id': d.id },
          props: { type: 'checkbox', id: uniqueId('ha-dest'), checked: selected.has(d.id) },
          on: { change: () => (box.checked ? selected.add(d.id) : selected.delete(d.id)) },
        });
        return h('div', { class: 'field' }, box, ' ', h('label', { attrs: { for: box.id } }, d.name));
      }),
    );
  }

  async function setup(): Promise<void> {
    deps.showError(null);
    setupButton.disabled = true;
    replace(report, h('span', { class: 'gray' }, t('health.settingUp')));
    try {
      const answer = await call('setupHealth', undefined);
      const link = h(
        'a',
        { testid: 'health-open', attrs: { href: answer.healthUrl, target: '_blank', rel: 'noopener' } },
        t('health.open'),
      );
      replace(report, h('div', { testid: 'health-report-text' }, answer.message), link);
    } catch (error) {
      replace(report);
      deps.showError(messageOf(error));
    } finally {
      setupButton.disabled = false;
    }
  }

  async function save(): Promise<void> {
    deps.showError(null);
    replace(saved);
    const points = Number(drop.value);
    if (drop.value.trim() === '' || !Number.isFinite(points) || points < 0 || points > 100) {
      deps.showError(t('health.alerts.dropInvalid'));
      drop.focus();
      return;
    }
    try {
      const answer = await call('saveHealthAlerts', {
        enabled: enabled.checked,
        muted: muted.checked,
        dropPoints: points,
        destinations: destinations.filter((d) => selected.has(d.id)).map((d) => d.id),
      });
      show(answer);
      replace(saved, t('health.alerts.saved'));
    } catch (error) {
      deps.showError(messageOf(error));
    }
  }

  return { element, load };
}
