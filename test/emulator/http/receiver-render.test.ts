/**
 * @jest-environment jsdom
 */
// The receiver page's renderer in jsdom: mrkdwn to safe DOM (bold, italic, strike, code, code
// blocks, links, mentions, quotes, Slack's &amp; &lt; &gt;), every Block Kit block the add-on
// sends, the fallback text, threads and edits, other webhooks as pretty JSON, and hostile
// payloads that must stay text.
import type { ReceivedRequest, SlackMessageRecord } from '../../../emulator/src/http/receiver';
import * as render from '../../../emulator/src/http/receiver-render';

const t = render.stringsFor('en');

function message(fields: Partial<SlackMessageRecord>): SlackMessageRecord {
  return {
    via: 'webhook',
    channel: 'webhook:/services/T/B/X',
    ts: '1780000000.000001',
    thread_ts: null,
    text: '',
    blocks: null,
    edited: false,
    ...fields,
  };
}

/** The element's markup with text escaped, to compare structure. */
const html = (node: Element) => node.innerHTML;

describe('mrkdwn', () => {
  it('renders bold, italic, strike and inline code as elements', () => {
    const box = render.renderMrkdwn(document, 'a *bold* b _it_ c ~gone~ d `x < 1`');
    expect(box.querySelector('strong')?.textContent).toBe('bold');
    expect(box.querySelector('em')?.textContent).toBe('it');
    expect(box.querySelector('s')?.textContent).toBe('gone');
    expect(box.querySelector('code')?.textContent).toBe('x < 1');
    expect(box.textContent).toBe('a bold b it c gone d x < 1');
  });

  it('nests emphasis but leaves markers inside code and inside words alone', () => {
    const box = render.renderMrkdwn(document, '*_both_* `*not bold*` snake_case_name 2*3*4');
    expect(box.querySelector('strong > em')?.textContent).toBe('both');
    expect(box.querySelector('code')?.textContent).toBe('*not bold*');
    expect(box.querySelectorAll('strong')).toHaveLength(1);
    expect(box.querySelectorAll('em')).toHaveLength(1);
    expect(box.textContent).toContain('snake_case_name 2*3*4');
  });

  it('renders ```code blocks``` as <pre>, keeping their lines and markers', () => {
    const box = render.renderMrkdwn(document, 'Rows:\n```id | name\n1  | *a*```\nafter');
    const pre = box.querySelector('pre');
    expect(pre?.textContent).toBe('id | name\n1  | *a*');
    expect(pre?.querySelector('strong')).toBeNull();
    expect(box.textContent).toBe('Rows:\nid | name\n1  | *a*\nafter');
  });

  it('renders <url|label> and <url> links with safe targets only', () => {
    const box = render.renderMrkdwn(
      document,
      'See <https://docs.google.com/spreadsheets/d/1/edit#gid=2|the result tab> or <http://x.test/a?b=1&amp;c=2>',
    );
    const links = [...box.querySelectorAll('a')];
    expect(links.map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['https://docs.google.com/spreadsheets/d/1/edit#gid=2', 'the result tab'],
      ['http://x.test/a?b=1&c=2', 'http://x.test/a?b=1&c=2'],
    ]);
    expect(links.every((a) => a.getAttribute('rel') === 'noopener noreferrer')).toBe(true);
  });

  it('shows a javascript: link as text, not as a link', () => {
    const box = render.renderMrkdwn(document, '<javascript:alert(1)|click me>');
    expect(box.querySelector('a')).toBeNull();
    expect(box.textContent).toBe('<javascript:alert(1)|click me>');
  });

  it('shows mentions, channels and special mentions as names', () => {
    const box = render.renderMrkdwn(document, '<@U123> <#C1|alerts> <!here>');
    expect([...box.querySelectorAll('.sl-mention')].map((s) => s.textContent)).toEqual(['@U123', '#alerts', '@here']);
  });

  it("unescapes Slack's &amp; &lt; &gt; once, and shows &amp;lt; as &lt;", () => {
    const box = render.renderMrkdwn(document, 'a &lt; b &amp;&amp; c &gt; d, literally &amp;lt;');
    expect(box.textContent).toBe('a < b && c > d, literally &lt;');
  });

  it('renders > lines as one quote', () => {
    const box = render.renderMrkdwn(document, 'before\n&gt; one\n> two\nafter');
    const quote = box.querySelector('blockquote');
    expect(quote?.textContent).toBe('one\ntwo');
    expect(box.querySelectorAll('blockquote')).toHaveLength(1);
    expect(box.textContent).toBe('beforeone\ntwoafter');
  });
});

describe('Block Kit', () => {
  const blocks = [
    { type: 'header', text: { type: 'plain_text', text: 'Triggered: *late* orders' } },
    { type: 'section', text: { type: 'mrkdwn', text: '*Query:* Late orders' } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: '*Value*\n12' },
        { type: 'plain_text', text: '*Threshold* > 0' },
      ],
    },
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', text: '```id\n1```' } },
    {
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: '<https://example.test/r|Open the result tab>' },
        { type: 'image', image_url: 'https://example.test/i.png', alt_text: 'logo' },
      ],
    },
    { type: 'actions', elements: [] },
  ];

  it('renders header, section text and fields, divider, code block, context and an unknown block', () => {
    const article = render.renderSlackMessage(document, message({ text: 'fallback', blocks }), t);
    const header = article.querySelector('.sl-header');
    expect(header?.textContent).toBe('Triggered: *late* orders'); // plain_text: no mrkdwn
    expect(header?.querySelector('strong')).toBeNull();
    const sections = article.querySelectorAll('.sl-section');
    expect(sections[0].querySelector('strong')?.textContent).toBe('Query:');
    const fields = sections[1].querySelectorAll('.sl-fields > *');
    expect(fields).toHaveLength(2);
    expect(fields[0].querySelector('strong')?.textContent).toBe('Value');
    expect(fields[1].textContent).toBe('*Threshold* > 0');
    expect(article.querySelectorAll('hr.sl-divider')).toHaveLength(1);
    expect(sections[2].querySelector('pre')?.textContent).toBe('id\n1');
    const context = article.querySelector('.sl-context');
    expect(context?.querySelector('a')?.getAttribute('href')).toBe('https://example.test/r');
    expect(context?.textContent).toContain('[Image: logo]');
    expect(context?.querySelector('img')).toBeNull();
    expect(article.querySelector('.sl-unsupported')?.textContent).toBe('[Block not shown here: actions]');
    expect(article.textContent).not.toContain('fallback'); // blocks win over the fallback text
  });

  it('renders the fallback text as mrkdwn when there are no blocks', () => {
    const article = render.renderSlackMessage(document, message({ text: 'Check *recovered*' }), t);
    expect(article.querySelector('.sl-body strong')?.textContent).toBe('recovered');
  });

  it('marks edited messages and says where they went', () => {
    const edited = render.renderSlackMessage(document, message({ via: 'api', channel: 'C9', edited: true }), t);
    expect(edited.querySelector('.sl-edited')?.textContent).toBe('(edited)');
    expect(edited.querySelector('.sl-where')?.textContent).toBe('Channel C9');
    const plain = render.renderSlackMessage(document, message({}), t);
    expect(plain.querySelector('.sl-edited')).toBeNull();
    expect(plain.querySelector('.sl-where')?.textContent).toBe('Incoming webhook /services/T/B/X');
  });

  it('groups thread replies under their parent, per channel', () => {
    const list = render.renderSlackThreads(
      document,
      [
        message({ via: 'api', channel: 'C1', ts: '1.000001', text: 'fired', edited: true }),
        message({ via: 'api', channel: 'C2', ts: '1.000002', text: 'other' }),
        message({ via: 'api', channel: 'C1', ts: '1.000003', thread_ts: '1.000001', text: 'recovered' }),
        message({ via: 'api', channel: 'C2', ts: '1.000004', thread_ts: '1.000009', text: 'lost' }),
      ],
      t,
    );
    const items = [...list.children];
    expect(items).toHaveLength(3);
    expect(items[0].querySelector('.sl-thread-summary')?.textContent).toBe('1 reply');
    expect(items[0].querySelector('.sl-replies')?.textContent).toContain('recovered');
    expect(items[1].querySelector('.sl-replies')).toBeNull();
    expect(items[2].querySelector('.sl-orphan')?.textContent).toBe(t.orphanReply);
  });
});

describe('other requests', () => {
  const request = (fields: Partial<ReceivedRequest>): ReceivedRequest => ({
    method: 'POST',
    path: '/hook',
    query: {},
    headers: { 'content-type': 'application/json' },
    body: '',
    receivedAt: Date.UTC(2026, 10, 30, 12),
    ...fields,
  });

  it('shows a Google Chat body and a JSON webhook body as pretty JSON', () => {
    const chat = render.renderRequest(
      document,
      request({ path: '/v1/spaces/AAA/messages', query: { key: 'k' }, body: '{"text":"*Late* orders"}' }),
      t,
    );
    expect(chat.querySelector('.rq-kind')?.textContent).toBe('Google Chat');
    expect(chat.querySelector('h3')?.textContent).toBe('Google Chat POST /v1/spaces/AAA/messages?key=k');
    expect(chat.querySelector('.rq-body')?.textContent).toBe('{\n  "text": "*Late* orders"\n}');
    const hook = render.renderRequest(document, request({ body: '{"state":"triggered","value":3}' }), t);
    expect(hook.querySelector('.rq-kind')?.textContent).toBe('JSON webhook');
    expect(hook.querySelector('.rq-body')?.textContent).toBe('{\n  "state": "triggered",\n  "value": 3\n}');
    expect([chat, hook].map((a) => a.querySelector('details.rq-body-box')?.hasAttribute('open'))).toEqual([true, true]);
    const slack = render.renderRequest(document, request({ path: '/services/T/B/X', body: '{"text":"x"}' }), t);
    expect(slack.querySelector('.rq-kind')?.textContent).toBe('Slack');
    expect(slack.querySelector('details.rq-body-box')?.hasAttribute('open')).toBe(false);
    const empty = render.renderRequest(document, request({ headers: {}, body: '' }), t);
    expect(empty.querySelector('.rq-body')?.textContent).toBe('(empty body)');
  });
});

describe('hostile payloads', () => {
  const hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

  it('keeps HTML in blocks, text, fields, links and bodies as text', () => {
    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: hostile } },
      { type: 'section', text: { type: 'mrkdwn', text: `*${hostile}*` }, fields: [{ type: 'mrkdwn', text: hostile }] },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `<https://x.test/"><img src=x onerror=alert(1)>|${hostile}>` }],
      },
      { type: hostile },
    ];
    const root = document.createElement('div');
    document.body.appendChild(root);
    root.appendChild(render.renderSlackMessage(document, message({ channel: hostile, blocks }), t));
    root.appendChild(render.renderSlackMessage(document, message({ text: hostile, ts: hostile }), t));
    root.appendChild(render.renderRequest(document, request(hostile), t));
    expect(root.querySelectorAll('script, img, [onerror], iframe, object')).toHaveLength(0);
    expect(root.textContent).toContain('<script>window.__pwned = 1</script>');
    expect(root.textContent).toContain('<img src=x onerror="window.__pwned = 2">');
    expect(html(root)).toContain('&lt;script&gt;');
    for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    root.remove();
  });

  function request(text: string): ReceivedRequest {
    return {
      method: 'POST',
      path: `/x/${text}`,
      query: { [text]: text },
      headers: { [text]: text },
      body: text,
      receivedAt: 0,
    };
  }
});

it('has every string in English and Japanese', () => {
  expect(Object.keys(render.STRINGS.ja).sort()).toEqual(Object.keys(render.STRINGS.en).sort());
  for (const [key, value] of Object.entries(render.STRINGS.ja)) {
    if (typeof value === 'string') expect([key, value]).not.toEqual([key, '']);
  }
  expect(render.stringsFor('ja').replies(2)).toBe('2 件の返信');
  expect(render.stringsFor('fr')).toBe(render.STRINGS.en);
});
