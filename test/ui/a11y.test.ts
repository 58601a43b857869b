/**
 * @jest-environment jsdom
 *
 * The sidebar's accessibility and startup behaviours in jsdom: started with the first view's data (as the
 * page brings it) it makes no server call before it marks itself usable, then loads the schema; the tabs
 * follow the WAI-ARIA pattern (panels, aria-controls, arrow keys, Home, End, one tab in the Tab order); a
 * confirm is an alertdialog labelled by its question, takes the focus, says No on Escape and gives the focus
 * back; a busy button keeps its focus; an error marks the fields it is about until it is cleared.
 */
import type { DataSourceView, SidebarBootView } from '../../src/shared/api-types';
import { startApp } from '../../src/ui/client/app';
import { confirmInline, h, whileBusy } from '../../src/ui/client/dom';
import { setLang } from '../../src/ui/client/i18n';
import { createScheduleEditor } from '../../src/ui/client/views/schedule-editor';
import { installFakeServer, until } from '../helpers/fake-script-run';

// jsdom lays nothing out; CodeMirror measures text ranges, so give them empty boxes.
const noBox = () => ({ x: 0, y: 0, top: 0, left: 0, bottom: 0, right: 0, width: 0, height: 0, toJSON: () => ({}) });
Range.prototype.getClientRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
Range.prototype.getBoundingClientRect = () => noBox() as DOMRect;
Element.prototype.scrollIntoView = () => undefined;

const SOURCE = {
  id: 'ds1',
  name: 'Demo DB',
  kind: 'postgresql',
  kindLabel: 'PostgreSQL',
  writable: false,
  options: {},
  health: { consecutiveFailures: 0, lastError: null, lastFailureAt: null, pausedAt: null },
  managedBy: [],
  canManage: true,
} as unknown as DataSourceView;

const BOOT: SidebarBootView = {
  session: {
    ok: true,
    value: { lang: 'en', email: 'ann@example.com', spreadsheetTimeZone: 'Asia/Tokyo', spreadsheetUrl: '' },
  },
  kinds: { ok: true, value: [{ id: 'postgresql', label: 'PostgreSQL', dialect: 'postgresql', fields: [] }] },
  dataSources: { ok: true, value: [SOURCE] },
  recentRuns: { ok: true, value: [] },
};

const byTestId = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement;
const keydown = (target: Element, key: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

beforeEach(() => {
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('data-sheetdash-ready');
  setLang('en');
});

describe('startup with the first view in the page', () => {
  it('is usable with no server call, then loads the schema of the chosen source', async () => {
    const server = installFakeServer({
      getSchema: { dataSourceId: 'ds1', cachedAt: new Date().toISOString(), tables: [] },
      listQueries: [],
    });
    startApp(document.body.appendChild(document.createElement('div')), BOOT);
    expect(server.calls).toEqual([]);
    expect((byTestId('ds-select') as HTMLSelectElement).value).toBe('ds1');
    expect(byTestId('status-line').textContent).not.toBe('');
    await until(() => document.documentElement.hasAttribute('data-sheetdash-ready'), 'the usable mark');
    await until(() => server.calls.length > 0, 'the schema call');
    expect(server.calls.map(([method]) => method)).toEqual(['getSchema']);
  });

  it('shows a refused part of the first view as an error', () => {
    installFakeServer({});
    const boot = { ...BOOT, dataSources: { ok: false as const, error: 'No access to data sources.' } };
    startApp(document.body.appendChild(document.createElement('div')), boot);
    expect(byTestId('error-message').hidden).toBe(false);
    expect(byTestId('error-message').textContent).toBe('No access to data sources.');
  });
});

describe('the tabs', () => {
  it('follow the WAI-ARIA tabs pattern', () => {
    installFakeServer({ listQueries: [] });
    startApp(document.body.appendChild(document.createElement('div')), BOOT);
    const tabs = [...document.querySelectorAll<HTMLElement>('[role="tab"]')];
    expect(document.querySelector('[role="tablist"]')?.getAttribute('aria-label')).toBeTruthy();
    for (const tab of tabs) {
      const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '') as HTMLElement;
      expect(panel.getAttribute('role')).toBe('tabpanel');
      expect(panel.getAttribute('aria-labelledby')).toBe(tab.id);
      expect(tab.title).toBe(tab.textContent);
    }
    const state = () =>
      tabs.map((tab) => `${tab.getAttribute('aria-selected')}/${tab.tabIndex}/${document.activeElement === tab}`);
    tabs[0].focus();
    expect(state()).toEqual(['true/0/true', 'false/-1/false', 'false/-1/false']);
    keydown(tabs[0], 'ArrowRight');
    expect(state()).toEqual(['false/-1/false', 'true/0/true', 'false/-1/false']);
    keydown(tabs[1], 'End');
    expect(state()).toEqual(['false/-1/false', 'false/-1/false', 'true/0/true']);
    keydown(tabs[2], 'ArrowRight');
    expect(state()).toEqual(['true/0/true', 'false/-1/false', 'false/-1/false']);
    keydown(tabs[0], 'ArrowLeft');
    expect(state()).toEqual(['false/-1/false', 'false/-1/false', 'true/0/true']);
    keydown(tabs[2], 'Home');
    expect(state()).toEqual(['true/0/true', 'false/-1/false', 'false/-1/false']);
    expect(byTestId('panel-query').hidden).toBe(false);
    expect(byTestId('panel-library').hidden).toBe(true);
  });

  it('has a main landmark and one h1', () => {
    installFakeServer({ listQueries: [] });
    startApp(document.body.appendChild(document.createElement('div')), BOOT);
    expect(document.querySelectorAll('main')).toHaveLength(1);
    expect(document.querySelectorAll('h1')).toHaveLength(1);
  });
});

describe('confirmInline', () => {
  const setup = () => {
    const trigger = document.body.appendChild(h('button', {}, 'Open'));
    const host = document.body.appendChild(h('div'));
    trigger.focus();
    return { trigger, host };
  };

  it('is an alertdialog labelled by its question, with the focus on No; Escape says No and gives the focus back', async () => {
    const { trigger, host } = setup();
    const answer = confirmInline(host, 'Replace your changes?', 'Yes', 'No');
    const box = byTestId('confirm');
    expect(box.getAttribute('role')).toBe('alertdialog');
    expect(document.getElementById(box.getAttribute('aria-labelledby') ?? '')?.textContent).toBe(
      'Replace your changes?',
    );
    expect(document.activeElement).toBe(byTestId('btn-confirm-no'));
    keydown(byTestId('btn-confirm-no'), 'Escape');
    await expect(answer).resolves.toBe(false);
    expect(byTestId('confirm')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('answers No to an open question asked again in the same place, and shows one', async () => {
    const { host } = setup();
    const first = confirmInline(host, 'Replace?', 'Yes', 'No');
    const second = confirmInline(host, 'Replace?', 'Yes', 'No');
    await expect(first).resolves.toBe(false);
    expect(document.querySelectorAll('[data-testid="confirm"]')).toHaveLength(1);
    byTestId('btn-confirm-yes').click();
    await expect(second).resolves.toBe(true);
  });

  it('answers Yes', async () => {
    const { host } = setup();
    const answer = confirmInline(host, 'Delete?', 'Delete', 'Cancel');
    byTestId('btn-confirm-yes').click();
    await expect(answer).resolves.toBe(true);
  });
});

describe('focus and problems', () => {
  it('gives a busy button its focus back when disabling it lost it', async () => {
    const button = document.body.appendChild(h('button', {}, 'Save'));
    button.focus();
    await whileBusy(button, async () => {
      expect(button.disabled).toBe(true);
      button.blur(); // what a browser does to a focused button that becomes disabled
    });
    expect(button.disabled).toBe(false);
    expect(document.activeElement).toBe(button);
  });

  it('marks the schedule field with a problem, described by the message, until it is right', () => {
    const editor = createScheduleEditor(() => undefined);
    document.body.appendChild(editor.element);
    editor.fill('', 'Asia/Tokyo');
    const kind = byTestId('schedule-kind') as HTMLSelectElement;
    kind.value = 'minutes';
    kind.dispatchEvent(new Event('change'));
    const every = byTestId('schedule-every') as HTMLInputElement;
    every.value = '0';
    every.dispatchEvent(new Event('input'));
    const problem = byTestId('schedule-problem');
    expect(every.getAttribute('aria-invalid')).toBe('true');
    expect(every.getAttribute('aria-describedby')).toBe(problem.id);
    expect(problem.textContent).not.toBe('');
    every.value = '15';
    every.dispatchEvent(new Event('input'));
    expect(every.hasAttribute('aria-invalid')).toBe(false);
    expect(every.hasAttribute('aria-describedby')).toBe(false);
  });

  it('announces an error in the message area (role alert)', () => {
    installFakeServer({ listQueries: [] });
    startApp(document.body.appendChild(document.createElement('div')), BOOT);
    byTestId('btn-run').click(); // no SQL yet
    const error = byTestId('error-message');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.hidden).toBe(false);
    expect(error.textContent).toBe('Write a query first.');
  });
});
