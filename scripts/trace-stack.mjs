// Maps positions of a stack trace from Apps Script's execution log ("at Pe (Code:26:1505)") back
// to the TypeScript source, through dist/Code.js.map of the same build: paste the trace on stdin
// or pass positions as arguments (`npm run trace -- Code:26:1505`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SourceMapConsumer } from 'source-map';

const mapPath = path.resolve(import.meta.dirname, '..', 'dist', 'Code.js.map');
if (!fs.existsSync(mapPath)) {
  console.error('No dist/Code.js.map: run "npm run build" on the commit that was deployed.');
  process.exit(2);
}
const input = process.argv.length > 2 ? process.argv.slice(2).join('\n') : fs.readFileSync(0, 'utf8');
const consumer = await new SourceMapConsumer(JSON.parse(fs.readFileSync(mapPath, 'utf8')));
for (const line of input.split('\n')) {
  const m = /Code(?:\.gs)?:(\d+):(\d+)/.exec(line);
  if (!m) {
    if (line.trim() !== '') console.log(line);
    continue;
  }
  // Apps Script's columns count from 1; source maps' from 0.
  const at = consumer.originalPositionFor({ line: Number(m[1]), column: Math.max(0, Number(m[2]) - 1) });
  const where = at.source ? `${at.source.replace('webpack://./', '')}:${at.line}:${(at.column ?? 0) + 1}` : 'unknown';
  console.log(`${line.trim()}  ->  ${where}`);
}
