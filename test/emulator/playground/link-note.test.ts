/**
 * @jest-environment jsdom
 *
 * The playground's sidebar shim notes every link to the spreadsheet: such links point to Google
 * Sheets, where the local spreadsheet does not exist. The note is in the playground's language
 * and offers to show the linked tab in the page instead (a message to the page with the gid).
 */
import { LINK_NOTE, OPEN_TAB_MESSAGE, shimSource } from '../../../emulator/playground/bridge';

const GOOGLE_LINK = 'https://docs.google.com/spreadsheets/d/abc123/edit#gid=987&range=A1';
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function runShim(lang: 'en' | 'ja'): void {
  // The shim is plain browser JavaScript, as the sidebar page runs it.
  new Function(shimSource(['sheetdashApi'], lang))();
}

function link(href: string, testid: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = href;
  a.setAttribute('data-testid', testid);
  const box = document.createElement('div');
  box.appendChild(a);
  document.body.appendChild(box);
  return a;
}

// A fresh body for each test: the shim of an earlier test keeps watching the old one.
afterEach(() => {
  document.body = document.createElement('body');
});

describe.each(['en', 'ja'] as const)('the link note in %s', (lang) => {
  test('appears under each link to the spreadsheet, once, and shows the tab in the page', async () => {
    runShim(lang);
    const google = link(GOOGLE_LINK, 'link-output');
    const other = link('https://example.com/', 'other');
    await tick();
    const note = google.nextElementSibling as HTMLElement;
    expect(note.getAttribute('data-testid')).toBe('playground-link-note');
    expect(note.getAttribute('role')).toBe('note');
    expect(note.textContent).toBe(`${LINK_NOTE[lang].text} ${LINK_NOTE[lang].open}`);
    expect(note.textContent).toContain('Google');
    expect(other.nextElementSibling).toBeNull();
    await tick();
    expect(document.querySelectorAll('[data-testid=playground-link-note]')).toHaveLength(1);

    const messages: unknown[] = [];
    window.addEventListener('message', (event) => messages.push(event.data));
    (note.querySelector('[data-testid=playground-open-here]') as HTMLAnchorElement).click();
    await tick();
    expect(messages).toContainEqual({ type: OPEN_TAB_MESSAGE, gid: 987 });
  });
});

test('the Japanese note is Japanese, the English one English', () => {
  expect(LINK_NOTE.ja.text).toMatch(/[\u3040-\u30ff]/);
  expect(LINK_NOTE.en.text).not.toMatch(/[\u3040-\u30ff]/);
  expect(shimSource(['f'], 'ja')).toContain(LINK_NOTE.ja.open);
});
