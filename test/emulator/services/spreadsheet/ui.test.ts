/** SpreadsheetApp.getUi(): menus from onOpen, sidebar, alerts with programmed answers, refusal from triggers. */
import { disposeRuntimes, fixtureRuntime } from '../../../helpers/runtimes';

afterAll(disposeRuntimes);

describe('Ui', () => {
  it('captures the add-on menu built by onOpen under AuthMode NONE', () => {
    const rt = fixtureRuntime(`function onOpen(e) {
      SpreadsheetApp.getUi().createAddonMenu().addItem('Open Sheetdash', 'showSidebar').addSeparator()
        .addSubMenu(SpreadsheetApp.getUi().createMenu('More').addItem('Refresh all', 'refreshAll')).addToUi();
    }`);
    const result = rt.open('NONE');
    expect(result.ok).toBe(true);
    expect(rt.spreadsheet._ui().menus).toEqual([
      {
        title: 'Sheetdash',
        addon: true,
        items: [
          { caption: 'Open Sheetdash', functionName: 'showSidebar' },
          { separator: true },
          { subMenu: { title: 'More', addon: false, items: [{ caption: 'Refresh all', functionName: 'refreshAll' }] } },
        ],
      },
    ]);
  });

  it('records a sidebar from any object with getTitle/getContent', () => {
    const rt = fixtureRuntime(`function show(page) { SpreadsheetApp.getUi().showSidebar(page); }`);
    // Stands in for HtmlService's HtmlOutput (another service): only getTitle/getContent are used.
    rt.call('show', { getTitle: () => 'Sheetdash', getContent: () => '<p>hi</p>' });
    expect(rt.spreadsheet._ui().sidebar).toEqual({ title: 'Sheetdash', html: '<p>hi</p>' });
  });

  it('answers alerts and prompts as the test programmed', () => {
    const rt = fixtureRuntime(`function ask() {
      var ui = SpreadsheetApp.getUi();
      var a = ui.alert('Delete?', 'Really delete the query?', ui.ButtonSet.YES_NO);
      var p = ui.prompt('Name', ui.ButtonSet.OK_CANCEL);
      var plain = ui.alert('Done');
      return [a == ui.Button.NO, p.getResponseText(), String(p.getSelectedButton()), plain == ui.Button.OK];
    }`);
    rt.spreadsheet._queueUiAnswer({ button: 'NO' });
    rt.spreadsheet._queueUiAnswer({ button: 'OK', text: 'weekly' });
    expect(rt.call('ask')).toEqual([true, 'weekly', 'OK', true]);
    expect(rt.spreadsheet._ui().alerts.map((a) => [a.kind, a.title, a.prompt, a.answer])).toEqual([
      ['alert', 'Delete?', 'Really delete the query?', 'NO'],
      ['prompt', '', 'Name', 'OK'],
      ['alert', '', 'Done', 'OK'],
    ]);
  });

  it('refuses getUi from a time-driven trigger', () => {
    const rt = fixtureRuntime(
      `function tick() { try { SpreadsheetApp.getUi(); return 'ok'; } catch (e) { return String(e); } }`,
    );
    const result = rt.run('tick', [], { kind: 'time-trigger' });
    expect(result.value).toBe('Exception: Cannot call SpreadsheetApp.getUi() from this context.');
    expect(rt.run('tick', [], { kind: 'installable-trigger' }).value).toBe('ok');
  });
});
