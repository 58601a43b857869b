/** HtmlService: outputs, files, templates evaluated in the sandbox with assigned variables and escaping. */
import { disposeRuntimes, fixtureRuntime } from '../../../helpers/runtimes';

afterAll(disposeRuntimes);

const FILES = {
  Sidebar:
    '<h1><?= title ?></h1><?!= include("Style") ?><ul><? for (var i = 0; i < rows.length; i++) { ?><li><?= rows[i] ?></li><? } ?></ul><?!= raw; ?>',
  Style: '<style>b{}</style>',
};

const CODE = `
function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
function page() {
  var t = HtmlService.createTemplateFromFile('Sidebar');
  t.title = '<script>alert(1)</script>';
  t.rows = ['a&b', 2];
  t.raw = '<i>ok</i>';
  var out = t.evaluate().setTitle('Sheetdash').setWidth(300);
  return [out.getContent(), out.getTitle(), out.getWidth(), t.title];
}
function missing() { try { HtmlService.createHtmlOutputFromFile('Nope'); } catch (e) { return [e.name, e.message]; } }
function output() {
  var o = HtmlService.createHtmlOutput('<p>')
    .append('x').appendUntrusted('<y>')
    .setSandboxMode(HtmlService.SandboxMode.IFRAME)
    .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL)
    .addMetaTag('viewport', 'width=device-width');
  return [o.getContent(), o.asTemplate().evaluate().getContent(), HtmlService.createTemplate('<?= 1 + 1 ?>').getRawContent()];
}
function code() { return eval(HtmlService.createTemplate('a<?= 1 + 2 ?>').getCode()).getContent(); }
function broken() { try { var t = HtmlService.createTemplate('<?= nope ?>'); return t.evaluate().getContent(); } catch (e) { return [e.name, e instanceof ReferenceError]; } }
`;

describe('HtmlService', () => {
  it('evaluates templates with assigned variables, include() and escaping of <script> in <?= ?>', () => {
    const rt = fixtureRuntime(CODE, { files: FILES });
    expect(rt.call('page')).toEqual([
      '<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1><style>b{}</style><ul><li>a&amp;b</li><li>2</li></ul><i>ok</i>',
      'Sheetdash',
      300,
      '<script>alert(1)</script>',
    ]);
  });

  it('reports a missing HTML file with the Apps Script text', () => {
    const rt = fixtureRuntime(CODE, { files: FILES });
    expect(rt.call('missing')).toEqual(['Exception', 'No HTML file named Nope was found.']);
  });

  it('builds outputs and keeps them for the host', () => {
    const rt = fixtureRuntime(CODE, { files: FILES });
    expect(rt.call('output')).toEqual(['<p>x&lt;y&gt;', '<p>x&lt;y&gt;', '<?= 1 + 1 ?>']);
    const first = rt.base.html._outputs[0];
    expect([first._sandboxMode, first._xFrameOptionsMode, first._metaTags]).toEqual([
      'IFRAME',
      'ALLOWALL',
      [{ name: 'viewport', content: 'width=device-width' }],
    ]);
  });

  it('gives getCode() that evaluates to an HtmlOutput', () => {
    const rt = fixtureRuntime(CODE, { files: FILES });
    expect(rt.call('code')).toBe('a3');
  });

  it('lets scriptlet errors reach the script as its own errors', () => {
    const rt = fixtureRuntime(CODE, { files: FILES });
    expect(rt.call('broken')).toEqual(['ReferenceError', true]);
  });
});
