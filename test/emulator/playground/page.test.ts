/** The playground page's inline script parses (a broken escape would blank the whole page), in both languages. */
import { pageHtml } from '../../../emulator/playground/page';

describe('the playground page', () => {
  it.each(['en', 'ja'] as const)('has a script that parses (%s), with the grid and its texts', (lang) => {
    const html = pageHtml(lang);
    const script = html.slice(html.indexOf('<script>') + '<script>'.length, html.lastIndexOf('</script>'));
    expect(() => new Function(script)).not.toThrow();
    expect(script).toContain('function createGrid(deps)');
    expect(html).toContain('data-testid="edit-as"');
    expect(script).not.toMatch(/\r/);
  });
});
