/**
 * HtmlService: HtmlOutput (content, title, size, sandbox and X-Frame options, meta tags,
 * favicon) and HtmlTemplate (scriptlets evaluated in the running execution's sandbox, with
 * variables assigned by the script: `t.data = ...`). Project HTML files come from the host.
 */
import * as vm from 'node:vm';
import { AppsScriptException } from '../../core/errors';
import type { ServiceHost } from '../../core/host';
import { makeEnum, type EnumValue } from './enums';
import { compileTemplate, escapeHtml, evaluatorSource } from './html-template';

type OutputMethods =
  | 'getContent'
  | 'setContent'
  | 'append'
  | 'appendUntrusted'
  | 'clear'
  | 'setTitle'
  | 'getTitle'
  | 'setWidth'
  | 'getWidth'
  | 'setHeight'
  | 'getHeight'
  | 'setSandboxMode'
  | 'setXFrameOptionsMode'
  | 'addMetaTag'
  | 'setFaviconUrl'
  | 'getFaviconUrl'
  | 'asTemplate';

export class HtmlOutputMetaTagFake implements GoogleAppsScript.HTML.HtmlOutputMetaTag {
  static readonly appsScriptName = 'HtmlService.HtmlOutputMetaTag';
  constructor(
    private readonly _name: string,
    private readonly _content: string,
  ) {}
  getName(): string {
    return this._name;
  }
  getContent(): string {
    return this._content;
  }
}

export class HtmlOutputFake implements Pick<GoogleAppsScript.HTML.HtmlOutput, OutputMethods> {
  static readonly appsScriptName = 'HtmlService.HtmlOutput';
  _content: string;
  _title = '';
  _width = 0;
  _height = 0;
  _sandboxMode?: string;
  _xFrameOptionsMode?: string;
  _faviconUrl: string | null = null;
  readonly _metaTags: { name: string; content: string }[] = [];

  constructor(
    private readonly _service: HtmlServiceFake,
    content = '',
  ) {
    this._content = content;
  }

  private _self(): GoogleAppsScript.HTML.HtmlOutput {
    return this as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }
  getContent(): string {
    return this._content;
  }
  setContent(content: unknown): GoogleAppsScript.HTML.HtmlOutput {
    this._content = content === undefined || content === null ? '' : String(content);
    return this._self();
  }
  append(addedContent: unknown): GoogleAppsScript.HTML.HtmlOutput {
    this._content += addedContent === undefined || addedContent === null ? '' : String(addedContent);
    return this._self();
  }
  appendUntrusted(addedContent: unknown): GoogleAppsScript.HTML.HtmlOutput {
    this._content += escapeHtml(addedContent === undefined || addedContent === null ? '' : String(addedContent));
    return this._self();
  }
  clear(): GoogleAppsScript.HTML.HtmlOutput {
    this._content = '';
    return this._self();
  }
  setTitle(title: unknown): GoogleAppsScript.HTML.HtmlOutput {
    this._title = String(title);
    return this._self();
  }
  getTitle(): string {
    return this._title;
  }
  setWidth(width: unknown): GoogleAppsScript.HTML.HtmlOutput {
    this._width = Number(width);
    return this._self();
  }
  getWidth(): number {
    return this._width;
  }
  setHeight(height: unknown): GoogleAppsScript.HTML.HtmlOutput {
    this._height = Number(height);
    return this._self();
  }
  getHeight(): number {
    return this._height;
  }
  setSandboxMode(mode: unknown): GoogleAppsScript.HTML.HtmlOutput {
    this._sandboxMode = String(mode);
    return this._self();
  }
  setXFrameOptionsMode(mode: unknown): GoogleAppsScript.HTML.HtmlOutput {
    this._xFrameOptionsMode = String(mode);
    return this._self();
  }
  addMetaTag(name: unknown, content: unknown): GoogleAppsScript.HTML.HtmlOutput {
    this._metaTags.push({ name: String(name), content: String(content) });
    return this._self();
  }
  /** The meta tags added with addMetaTag (HtmlOutputMetaTag: getName, getContent). */
  getMetaTags(): HtmlOutputMetaTagFake[] {
    return this._metaTags.map((t) => new HtmlOutputMetaTagFake(t.name, t.content));
  }
  setFaviconUrl(iconUrl: unknown): GoogleAppsScript.HTML.HtmlOutput {
    this._faviconUrl = String(iconUrl);
    return this._self();
  }
  getFaviconUrl(): string {
    return this._faviconUrl as string;
  }
  asTemplate(): GoogleAppsScript.HTML.HtmlTemplate {
    return new HtmlTemplateFake(this._service, this._content) as unknown as GoogleAppsScript.HTML.HtmlTemplate;
  }
}

export class HtmlTemplateFake
  implements Pick<GoogleAppsScript.HTML.HtmlTemplate, 'evaluate' | 'getCode' | 'getCodeWithComments' | 'getRawContent'>
{
  static readonly appsScriptName = 'HtmlService.HtmlTemplate';
  /** Scripts may assign variables to a template: `template.rows = [...]`. */
  static readonly appsScriptWritable = true;
  [variable: string]: unknown;

  constructor(
    private readonly _service: HtmlServiceFake,
    private readonly _source: string,
  ) {}

  evaluate(): GoogleAppsScript.HTML.HtmlOutput {
    const content = this._service._evaluate(this._source, this._variables());
    return new HtmlOutputFake(this._service, content) as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }
  getCode(): string {
    return `(function() { var output = HtmlService.initTemplate();\n${compileTemplate(this._source)}\nreturn output; })();`;
  }
  getCodeWithComments(): string {
    return this.getCode();
  }
  getRawContent(): string {
    return this._source;
  }

  /** Variables the script assigned (own properties not starting with "_"). */
  _variables(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(this)) if (!key.startsWith('_')) out[key] = this[key];
    return out;
  }
}

type ServiceMethods = 'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplate' | 'createTemplateFromFile';

export class HtmlServiceFake implements Pick<GoogleAppsScript.HTML.HtmlService, ServiceMethods> {
  static readonly appsScriptName = 'HtmlService';
  readonly SandboxMode = makeEnum('HtmlService.SandboxMode', ['EMULATED', 'IFRAME', 'NATIVE'] as const);
  readonly XFrameOptionsMode = makeEnum('HtmlService.XFrameOptionsMode', ['ALLOWALL', 'DEFAULT'] as const);
  /** Every HtmlOutput created, for the host (what a sidebar would show). */
  readonly _outputs: HtmlOutputFake[] = [];

  constructor(private readonly _host: ServiceHost) {}

  createHtmlOutput(html?: unknown): GoogleAppsScript.HTML.HtmlOutput {
    const source =
      html && typeof html === 'object' && 'getDataAsString' in html
        ? (html as { getDataAsString(): string }).getDataAsString()
        : html;
    return this._output(source === undefined || source === null ? '' : String(source));
  }

  createHtmlOutputFromFile(filename: unknown): GoogleAppsScript.HTML.HtmlOutput {
    return this._output(this._file(filename));
  }

  createTemplate(html: unknown): GoogleAppsScript.HTML.HtmlTemplate {
    const source =
      html && typeof html === 'object' && 'getDataAsString' in html
        ? (html as { getDataAsString(): string }).getDataAsString()
        : String(html ?? '');
    return new HtmlTemplateFake(this, source) as unknown as GoogleAppsScript.HTML.HtmlTemplate;
  }

  createTemplateFromFile(filename: unknown): GoogleAppsScript.HTML.HtmlTemplate {
    return new HtmlTemplateFake(this, this._file(filename)) as unknown as GoogleAppsScript.HTML.HtmlTemplate;
  }

  /** Used by the code `getCode()` generates. */
  initTemplate(): GoogleAppsScript.HTML.HtmlOutput {
    return this._output('');
  }

  /** Runs a template's scriptlets in the running execution's sandbox and returns the page. */
  _evaluate(source: string, variables: Record<string, unknown>): string {
    const sandbox = this._host.sandbox?.();
    if (!sandbox) throw new Error('HtmlTemplate.evaluate needs a running execution (host.sandbox).');
    // A syntax error in a scriptlet, or an error thrown by one, reaches the script as the sandbox's own error.
    const fn = vm.runInContext(evaluatorSource(compileTemplate(source)), sandbox.context) as (vars: unknown) => unknown;
    return String(fn(sandbox.toGuest(variables)));
  }

  private _file(filename: unknown): string {
    const name = String(filename).replace(/\.html$/, '');
    const content = this._host.projectFiles.get(name);
    if (content === undefined) throw new AppsScriptException(`No HTML file named ${String(filename)} was found.`);
    return content;
  }

  private _output(content: string): GoogleAppsScript.HTML.HtmlOutput {
    const out = new HtmlOutputFake(this, content);
    this._outputs.push(out);
    return out as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }
}

export type { EnumValue };
