/** Message building: Slack escaping (once, & < > only), Mustache variables, default texts, tables. */
import {
  type AlertNotification,
  isValidTemplate,
  messageBody,
  messageTitle,
  noEscape,
  renderTemplate,
  templateView,
} from '../../src/alerts/message';
import { cutSlackText, slackEscape } from '../../src/alerts/slack-text';
import { DEFAULT_TEMPLATES } from '../../src/alerts/templates';
import { displayWidth, textTableLines } from '../../src/alerts/text-table';

function notification(over: Partial<AlertNotification> = {}): AlertNotification {
  return {
    alert: { id: 'a1', name: 'Refunds > payments' },
    query: { id: 'q1', name: 'R&D <billing>' },
    state: 'triggered',
    previousState: 'ok',
    condition: { column: 'diff', op: '>', value: '0', selector: 'max' },
    value: 12.5,
    reason: null,
    resultUrl: 'https://docs.google.com/spreadsheets/d/x/edit#gid=1&range=A1',
    result: {
      columns: ['id', 'note'],
      rows: [
        [1, 'a & b'],
        [2, null],
      ],
    },
    rowCount: 2,
    at: '2030-01-01T00:00:00.000Z',
    ...over,
  };
}

describe('slackEscape', () => {
  it('escapes &, < and > and nothing else', () => {
    expect(slackEscape(`a & b <c> "d" 'e' é`)).toBe(`a &amp; b &lt;c&gt; "d" 'e' é`);
  });
  it('escapes once: an entity in the data stays visible as typed', () => {
    expect(slackEscape('&amp;')).toBe('&amp;amp;');
    expect(slackEscape(slackEscape('<'))).not.toBe(slackEscape('<')); // escaping twice would garble
  });
  it('cuts without splitting an entity or a link', () => {
    expect(cutSlackText('abc &amp; def', 7)).toBe('abc …');
    expect(cutSlackText('see <https://x.example/a|link> now', 12)).toBe('see …');
    expect(cutSlackText('short', 10)).toBe('short');
  });
});

describe('templates', () => {
  it("escapes each value once by the destination rule and keeps the template author's markup", () => {
    const out = renderTemplate('*{{QUERY_NAME}}* <{{QUERY_URL}}|open> {{ALERT_NAME}}', notification(), slackEscape);
    expect(out).toBe(
      '*R&amp;D &lt;billing&gt;* <https://docs.google.com/spreadsheets/d/x/edit#gid=1&amp;range=A1|open> ' +
        'Refunds &gt; payments',
    );
    expect(out).not.toContain('&amp;amp;');
  });

  it("offers Redash's variables: rows by column, the 2-D table, the value and the threshold", () => {
    const n = notification();
    const rows = renderTemplate('{{#QUERY_RESULT_ROWS}}[{{id}}:{{note}}]{{/QUERY_RESULT_ROWS}}', n, noEscape);
    expect(rows).toBe('[1:a & b][2:NULL]');
    const table = renderTemplate('{{#QUERY_RESULT_TABLE}}{{#.}}{{.}};{{/.}}|{{/QUERY_RESULT_TABLE}}', n, noEscape);
    expect(table).toBe('1;a & b;|2;NULL;|');
    expect(renderTemplate('{{QUERY_RESULT_VALUE}} {{ALERT_CONDITION}} {{ALERT_THRESHOLD}}', n, noEscape)).toBe(
      '12.5 > 0',
    );
    expect(templateView(n)).toMatchObject({ ALERT_STATUS: 'TRIGGERED', ALERT_SELECTOR: 'max', QUERY_RESULT_COUNT: 2 });
  });

  it('has default texts for triggered, recovered and unknown in English and Japanese', () => {
    for (const kind of ['triggered', 'recovered', 'unknown'] as const) {
      for (const lang of ['en', 'ja'] as const) expect(DEFAULT_TEMPLATES[kind][lang]).toContain('{{ALERT_NAME}}');
    }
    expect(messageBody(notification(), 'en', noEscape)).toBe(
      'Refunds > payments triggered on "R&D <billing>": max of diff is 12.5 (> 0).',
    );
    expect(messageBody(notification({ state: 'ok', value: 0 }), 'ja', noEscape)).toContain('正常に戻りました');
    const failed = notification({ state: 'unknown', reason: 'The query timed out.' });
    expect(messageBody(failed, 'en', noEscape)).toContain(
      'could not be evaluated on "R&D <billing>": The query timed out.',
    );
    expect(messageTitle(failed, 'ja')).toBe('不明: Refunds > payments');
  });

  it("uses the alert's own text for triggered and for recovered separately", () => {
    const templates = { triggered: 'FIRED {{QUERY_RESULT_VALUE}}', recovered: 'FINE {{QUERY_RESULT_VALUE}}' };
    expect(messageBody(notification({ templates }), 'en', noEscape)).toBe('FIRED 12.5');
    expect(messageBody(notification({ templates, state: 'ok', value: 0 }), 'en', noEscape)).toBe('FINE 0');
    const onlyFired = { triggered: 'FIRED' };
    expect(messageBody(notification({ templates: onlyFired, state: 'ok' }), 'en', noEscape)).toContain(
      'back to normal',
    );
  });

  it("falls back to the default text when the alert's own text cannot be read", () => {
    expect(isValidTemplate('{{#QUERY_RESULT_ROWS}}{{id}}')).toBe(false);
    expect(isValidTemplate('{{#QUERY_RESULT_ROWS}}{{id}}{{/QUERY_RESULT_ROWS}}')).toBe(true);
    const broken = notification({ templates: { triggered: '{{#QUERY_RESULT_ROWS}}{{id}}' } });
    expect(messageBody(broken, 'en', noEscape)).toContain('triggered on "R&D <billing>"');
  });

  it("falls back to the default text when the alert's own text fails as it renders or renders to nothing", () => {
    const throwing = notification({
      templates: { triggered: '{{#QUERY_RESULT_TABLE}}{{#map}}x{{/map}}{{/QUERY_RESULT_TABLE}}' },
    });
    expect(isValidTemplate(throwing.templates?.triggered ?? '')).toBe(true);
    expect(messageBody(throwing, 'en', noEscape)).toContain('triggered on "R&D <billing>"');
    const blank = notification({ templates: { triggered: '{{#QUERY_RESULT_ROWS}}{{missing}}{{/QUERY_RESULT_ROWS}}' } });
    expect(messageBody(blank, 'en', noEscape)).toContain('triggered on "R&D <billing>"');
  });

  it('escapes values however the template asks for them: triple braces, & and list methods too', () => {
    const n = notification({
      value: '<!channel> <https://evil.example|Open>\nfake line',
      templates: {
        triggered:
          '{{{QUERY_RESULT_VALUE}}}|{{& QUERY_RESULT_VALUE}}|{{#QUERY_RESULT_COLS}}{{.}} {{/QUERY_RESULT_COLS}}',
      },
      result: { columns: ['<!here>'], rows: [['x']] },
    });
    const body = messageBody(n, 'en', slackEscape);
    const escaped = '&lt;!channel&gt; &lt;https://evil.example|Open&gt; fake line'; // one line
    expect(body).not.toMatch(/<!channel>|<!here>|<https:/);
    expect(body).toBe([escaped, escaped, '&lt;!here&gt; '].join('|'));
    expect(messageTitle(notification({ alert: { id: 'a', name: 'A\r\nBcc: x@evil.example' } }), 'en')).toBe(
      'Triggered: A Bcc: x@evil.example',
    );
  });

  it('does not let the count selector name a column', () => {
    const n = notification({ condition: { column: '', op: '>', value: '0', selector: 'count' }, value: 2 });
    expect(messageBody(n, 'en', noEscape)).toContain(': count is 2 (> 0).');
  });
});

describe('text table', () => {
  it('lines up columns, counting wide characters as two', () => {
    const lines = textTableLines(
      ['name', 'n'],
      [
        ['イロハ', 1],
        ['ab', 22],
      ],
    );
    expect(lines).toEqual(['name   | n', '-------+---', 'イロハ | 1', 'ab     | 22']);
    expect(displayWidth('イロハ')).toBe(6);
  });
  it('cuts long cells and keeps rows on one line', () => {
    const [, , row] = textTableLines(['v'], [['x'.repeat(100)], ['a\nb']], { maxCellWidth: 10 });
    expect(row).toBe(`${'x'.repeat(9)}…`);
    expect(textTableLines(['v'], [['a\nb']])[2]).toBe('a b');
  });
});
