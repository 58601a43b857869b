/**
 * Builds DOM safely: every string becomes a text node or an attribute value, never HTML.
 * No HTML is ever parsed from a string, so a query named <img onerror=...> stays text.
 */
type Child = Node | string | number | null | undefined | false;

export interface ElementOptions {
  class?: string;
  testid?: string;
  /** Attributes, set with setAttribute (values are text). */
  attrs?: Record<string, string | undefined>;
  /** DOM properties such as value, checked, disabled, type. */
  props?: Record<string, unknown>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.class) element.className = options.class;
  if (options.testid) element.setAttribute('data-testid', options.testid);
  for (const [name, value] of Object.entries(options.attrs ?? {}))
    if (value !== undefined) element.setAttribute(name, value);
  Object.assign(element, options.props ?? {});
  for (const [event, handler] of Object.entries(options.on ?? {}))
    element.addEventListener(event, handler as EventListener);
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child,
    );
  }
}

/** Replaces an element's children. */
export function replace(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

export function show(element: HTMLElement, visible: boolean): void {
  element.hidden = !visible;
}

/** A small table of text cells in its own scrolling box (the page never scrolls sideways). */
export function textTable(columns: string[], rows: (string | null)[][], testid?: string): HTMLElement {
  return h(
    'div',
    { class: 'table-box', testid },
    h(
      'table',
      { class: 'data' },
      h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', {}, c)))),
      h(
        'tbody',
        {},
        ...rows.map((row) =>
          h('tr', {}, ...row.map((cell) => h('td', { class: cell === null ? 'null' : undefined }, cell ?? 'NULL'))),
        ),
      ),
    ),
  );
}

/** An inline "Are you sure?" in place of window.confirm (which a sandboxed sidebar may block). */
export function confirmInline(host: HTMLElement, message: string, yes: string, no: string): Promise<boolean> {
  return new Promise((resolve) => {
    const box = h('div', { class: 'confirm', testid: 'confirm' }, h('div', {}, message));
    const done = (answer: boolean) => {
      box.remove();
      resolve(answer);
    };
    append(
      box,
      h(
        'div',
        { class: 'buttons' },
        h('button', { class: 'action', testid: 'btn-confirm-yes', on: { click: () => done(true) } }, yes),
        h('button', { testid: 'btn-confirm-no', on: { click: () => done(false) } }, no),
      ),
    );
    host.appendChild(box);
  });
}
