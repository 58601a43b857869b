/** Copies text with the Clipboard API, or the older execCommand inside a sandboxed frame. */
import { h } from './dom';

/** True when the text reached the clipboard; false when neither way works (the user copies by hand). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = h('textarea', { class: 'offscreen', props: { value: text } });
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}
