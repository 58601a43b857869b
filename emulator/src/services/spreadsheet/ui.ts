/**
 * SpreadsheetApp.getUi(): menus, sidebar, dialogs, alerts and prompts. Nothing is drawn; what
 * the script shows is recorded for tests (`_state`), and tests program the answers to alerts
 * and prompts (`_queueAnswer`; default: the first button of the set, e.g. OK or YES).
 */
import { makeEnum } from '../base/enums';
import { enumValue } from './enums';
import { AppsScriptException } from '../../core/errors';

export const BUTTON = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
export const BUTTON_SET = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;
/** The same values as Java-style enum objects (name(), toString()), as the sandbox sees them. */
const UI_BUTTON = makeEnum('Button', ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
const UI_BUTTON_SET = makeEnum('ButtonSet', ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);

const BUTTONS_OF: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export interface MenuItemRecord {
  caption: string;
  functionName: string;
}
export interface MenuRecord {
  title: string;
  addon: boolean;
  items: (MenuItemRecord | { separator: true } | { subMenu: MenuRecord })[];
}
export interface UiState {
  menus: MenuRecord[];
  sidebar: { title: string; html: string } | null;
  dialogs: { title: string; html: string; modal: boolean }[];
  alerts: { kind: 'alert' | 'prompt'; title: string; prompt: string; buttons: string; answer: string; text?: string }[];
}
export interface UiAnswer {
  button?: string;
  text?: string;
}

interface HtmlLike {
  getTitle?(): string;
  getContent?(): string;
}

function htmlOf(output: unknown): { title: string; html: string } {
  const h = output as HtmlLike;
  if (!h || typeof h.getContent !== 'function') throw new AppsScriptException('Invalid argument: userInterface');
  return { title: typeof h.getTitle === 'function' ? String(h.getTitle() ?? '') : '', html: String(h.getContent()) };
}

export class MenuFake {
  static readonly appsScriptName = 'SpreadsheetApp.Menu';
  constructor(
    readonly _record: MenuRecord,
    private readonly _state: UiState,
  ) {}
  addItem(caption: string, functionName: string): this {
    this._record.items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): this {
    this._record.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: MenuFake): this {
    this._record.items.push({ subMenu: menu._record });
    return this;
  }
  addToUi(): void {
    const others = this._state.menus.filter((m) => !(m.title === this._record.title && m.addon === this._record.addon));
    this._state.menus = [...others, this._record];
  }
}

export class PromptResponseFake {
  static readonly appsScriptName = 'SpreadsheetApp.PromptResponse';
  constructor(
    private readonly _text: string,
    private readonly _button: string,
  ) {}
  getResponseText(): string {
    return this._text;
  }
  getSelectedButton(): unknown {
    return enumValue(UI_BUTTON, this._button);
  }
}

export class UiFake {
  static readonly appsScriptName = 'SpreadsheetApp.Ui';
  readonly Button = UI_BUTTON;
  readonly ButtonSet = UI_BUTTON_SET;
  readonly _state: UiState = { menus: [], sidebar: null, dialogs: [], alerts: [] };
  readonly _answers: UiAnswer[] = [];

  constructor(private readonly _addOnTitle: string) {}

  createMenu(caption: string): MenuFake {
    return new MenuFake({ title: String(caption), addon: false, items: [] }, this._state);
  }
  createAddonMenu(): MenuFake {
    return new MenuFake({ title: this._addOnTitle, addon: true, items: [] }, this._state);
  }
  showSidebar(userInterface: unknown): void {
    this._state.sidebar = htmlOf(userInterface);
  }
  showModalDialog(userInterface: unknown, title: string): void {
    this._state.dialogs.push({ ...htmlOf(userInterface), title: String(title), modal: true });
  }
  showModelessDialog(userInterface: unknown, title: string): void {
    this._state.dialogs.push({ ...htmlOf(userInterface), title: String(title), modal: false });
  }
  private ask(kind: 'alert' | 'prompt', args: unknown[]): { button: string; text: string } {
    let title = '';
    let prompt: string;
    let buttons: string = BUTTON_SET.OK;
    if (args.length >= 3) [title, prompt, buttons] = [String(args[0]), String(args[1]), String(args[2])];
    else if (args.length === 2) [prompt, buttons] = [String(args[0]), String(args[1])];
    else prompt = String(args[0] ?? '');
    const allowed = BUTTONS_OF[buttons] ?? ['OK'];
    const queued = this._answers.shift();
    const button = queued?.button && allowed.includes(queued.button) ? queued.button : allowed[0];
    const text = queued?.text ?? '';
    this._state.alerts.push({ kind, title, prompt, buttons, answer: button, ...(kind === 'prompt' ? { text } : {}) });
    return { button, text };
  }
  alert(...args: unknown[]): unknown {
    return enumValue(UI_BUTTON, this.ask('alert', args).button);
  }
  prompt(...args: unknown[]): PromptResponseFake {
    const { button, text } = this.ask('prompt', args);
    return new PromptResponseFake(text, button);
  }
}
