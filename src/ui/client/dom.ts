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

/**
 * A small table of text cells in its own scrolling box (the page never scrolls sideways); the box takes the
 * focus, so the keyboard can scroll it, and is a region named `label` when given.
 */
export function textTable(columns: string[], rows: (string | null)[][], testid?: string, label?: string): HTMLElement {
  return h(
    'div',
    {
      class: 'table-box',
      testid,
      attrs: { tabindex: '0', role: label ? 'region' : undefined, 'aria-label': label },
    },
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

/**
 * Runs `work` with `button` disabled. A disabled button loses the focus (to the page's body): when it had it,
 * it gets it back afterwards, unless `work` moved the focus somewhere on purpose.
 */
export async function whileBusy<T>(button: HTMLButtonElement, work: () => Promise<T>): Promise<T> {
  const hadFocus = document.activeElement === button;
  button.disabled = true;
  try {
    return await work();
  } finally {
    button.disabled = false;
    const lost = !document.activeElement || document.activeElement === document.body;
    if (hadFocus && lost && button.isConnected) button.focus();
  }
}

/** Marks a form field as having a problem told by the element `messageId` (or clears the mark: null). */
export function markInvalid(field: HTMLElement, messageId: string | null): void {
  if (messageId) {
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', messageId);
  } else {
    field.removeAttribute('aria-invalid');
    field.removeAttribute('aria-describedby');
  }
}

/** The confirm open in each host, by the function that answers it No. */
const openConfirms = new WeakMap<HTMLElement, () => void>();

let lastId = 0;
/** An id unique in the page, for aria-labelledby / aria-describedby / aria-controls. */
export function uniqueId(prefix: string): string {
  lastId += 1;
  return `${prefix}-${lastId}`;
}

/**
 * An inline "Are you sure?" in place of window.confirm (which a sandboxed sidebar may block), put in `host`
 * (next to what asked), scrolled into view with the focus on its safe answer. It is an alertdialog labelled by
 * its question; Escape answers No; the focus goes back to where it was when that element is still there.
 */
export function confirmInline(host: HTMLElement, message: string, yes: string, no: string): Promise<boolean> {
  // Asked again while a question is open there: the open one is answered No and replaced.
  openConfirms.get(host)?.();
  return new Promise((resolve) => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const question = h('div', { class: 'confirm-question', attrs: { id: uniqueId('confirm') } }, message);
    const box = h(
      'div',
      {
        class: 'confirm',
        testid: 'confirm',
        attrs: { role: 'alertdialog', 'aria-labelledby': question.id, 'aria-modal': 'false' },
      },
      question,
    );
    const done = (answer: boolean) => {
      if (openConfirms.get(host) === cancel) openConfirms.delete(host);
      const hadFocus = box.contains(document.activeElement);
      box.remove();
      if (hadFocus && returnTo?.isConnected) returnTo.focus();
      resolve(answer);
    };
    const cancel = () => done(false);
    openConfirms.set(host, cancel);
    box.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      done(false);
    });
    const noButton = h('button', { testid: 'btn-confirm-no', on: { click: () => done(false) } }, no);
    append(
      box,
      h(
        'div',
        { class: 'buttons' },
        h('button', { class: 'action', testid: 'btn-confirm-yes', on: { click: () => done(true) } }, yes),
        noButton,
      ),
    );
    host.appendChild(box);
    box.scrollIntoView?.({ block: 'nearest' });
    noButton.focus();
  });
}
