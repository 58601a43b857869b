/** The Slack Block Kit message stays within Slack's limits however long the names and rows. */
import type { AlertNotification } from '../../src/alerts/message';
import { SLACK_LIMITS, slackMessage } from '../../src/alerts/slack-blocks';

interface AnyBlock {
  type: string;
  text?: { type: string; text: string };
  fields?: { text: string }[];
}

function huge(): AlertNotification {
  const columns = Array.from({ length: 30 }, (_, i) => `column_${i}_${'w'.repeat(20)}`);
  const rows = Array.from({ length: 10 }, (_, r) => columns.map((_, c) => `<${r}&${c}>${'v'.repeat(60)}`));
  return {
    alert: { id: 'a', name: `A & ${'n'.repeat(400)}` },
    query: { id: 'q', name: `Q <${'q'.repeat(3000)}>` },
    state: 'triggered',
    previousState: 'ok',
    condition: { column: 'c', op: '>', value: '1'.repeat(2500), selector: 'first' },
    value: 'x'.repeat(5000),
    reason: null,
    resultUrl: 'https://docs.google.com/spreadsheets/d/x/edit#gid=1&range=A1',
    result: { columns, rows },
    rowCount: 25_000,
    at: '2030-01-01T00:00:00.000Z',
    templates: { triggered: `{{QUERY_RESULT_TEXT}} ${'t'.repeat(5000)}` },
  };
}

describe('slackMessage', () => {
  it("keeps every text within Slack's limits", () => {
    const { text, blocks } = slackMessage(huge(), 'en');
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    for (const block of blocks as AnyBlock[]) {
      if (block.type === 'header') expect(block.text?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
      if (block.type === 'section' && block.text) {
        expect(block.text.text.length).toBeGreaterThan(0);
        expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      }
      for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fieldText);
      expect((block.fields ?? []).length).toBeLessThanOrEqual(SLACK_LIMITS.fields);
    }
    expect(JSON.stringify(blocks).length).toBeLessThan(13_000); // Slack refuses much more (msg_blocks_too_long)
  });

  it('never sends an empty section (Slack refuses the whole message), and a cell never closes the code block', () => {
    const n = { ...huge(), text: { title: 'Band notice', lines: [''] } };
    for (const block of slackMessage(n, 'en').blocks as AnyBlock[]) {
      if (block.type === 'section' && block.text) expect(block.text.text.trim()).not.toBe('');
    }
    const fenced = { ...huge(), result: { columns: ['c'], rows: [['```*bold* <!here>']] }, rowCount: 1 };
    const code = (slackMessage(fenced, 'en').blocks as AnyBlock[]).find((b) => b.text?.text.startsWith('```'));
    expect(code?.text?.text.match(/```/g)).toHaveLength(2);
  });

  it('shows the first rows as a closed code block of whole lines, and how many rows are left out', () => {
    const { blocks } = slackMessage(huge(), 'ja');
    const code = (blocks as AnyBlock[]).find((b) => b.text?.text.startsWith('```'));
    const text = code?.text?.text ?? '';
    expect(text.match(/```/g)).toHaveLength(2);
    expect(text).toMatch(/ほか \d+ 行は結果タブにあります$/);
    expect(text).toContain('&lt;0&amp;0&gt;');
    expect(text).not.toMatch(/&[a-z]*…|&amp;amp;/);
  });

  it('puts the state in the header, and the query, alert and value against the threshold in fields', () => {
    const n: AlertNotification = {
      ...huge(),
      alert: { id: 'a', name: 'Negative' },
      query: { id: 'q', name: 'Billing' },
      condition: { column: '', op: '>', value: '0', selector: 'count' },
      value: 3,
      rowCount: 3,
      state: 'ok',
      templates: undefined,
    };
    const [header, , fields] = slackMessage(n, 'en').blocks as AnyBlock[];
    expect(header.text?.text).toBe(':large_green_circle: Recovered: Negative');
    const texts = (fields.fields ?? []).map((f) => f.text);
    expect(texts).toContain('*Query*\n<https://docs.google.com/spreadsheets/d/x/edit#gid=1&amp;range=A1|Billing>');
    expect(texts).toContain('*Value (condition)*\n3 (count &gt; 0)');
  });
});
