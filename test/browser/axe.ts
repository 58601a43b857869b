/**
 * axe-core in the sidebar's frame (or any playwright Frame): injects axe.min.js once per document and reports
 * violations of WCAG 2.1 A/AA and axe's best practices (landmarks, one h1...) as readable lines, so a browser
 * test can assert an empty list in each state it reaches: `expect(await axeViolations(frame)).toEqual([])`.
 */
import * as fs from 'node:fs';
import type { Frame } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

interface AxeNode {
  target: string[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  help: string;
  nodes: AxeNode[];
}

/** One line per violating element: "rule: help — selector (why)". */
export async function axeViolations(frame: Frame, options: { exclude?: string[] } = {}): Promise<string[]> {
  const injected = await frame.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!injected) await frame.evaluate(AXE_SOURCE);
  const violations = (await frame.evaluate(
    async ({ tags, exclude }) => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown }> } })
        .axe;
      const context = exclude.length > 0 ? { include: [['html']], exclude: exclude.map((s) => [s]) } : document;
      const result = await axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations;
    },
    { tags: TAGS, exclude: options.exclude ?? [] },
  )) as AxeViolation[];
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${v.help} — ${n.target.join(' ')} (${(n.failureSummary ?? '').replace(/\s+/g, ' ')})`),
  );
}
