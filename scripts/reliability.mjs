// `npm run reliability` (issue 10): runs the tests in test/reliability (the crash sweep, the fault
// matrix, the bad inputs, the properties, the secret scan), collects the one-line figures they
// print (`RELIABILITY <name>: ...`), prints them with a verdict per target and exits non-zero when
// a target is missed, a figure is missing, or a test fails. Extra arguments go to jest (a path).
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const jest = spawn('npx', ['jest', '--colors=false', ...(args.length ? args : ['test/reliability'])], {
  stdio: ['ignore', 'pipe', 'pipe'],
  // The crash sweep tries every point on PGlite here (npm test samples them).
  env: { SHEETDASH_SWEEP_ALL: '1', ...process.env },
});

let output = '';
for (const stream of [jest.stdout, jest.stderr])
  stream.on('data', (chunk) => {
    output += chunk;
    process.stderr.write('.');
  });

const number = (text, pattern) => {
  const m = pattern.exec(text);
  return m ? Number(m[1]) : null;
};

/** Each target: the figure's name, what it must say, and how to read it. */
const TARGETS = [
  {
    name: 'crash-sweep',
    want: 'crash points tried > 0, violations 0',
    met: (t) => number(t, /(\d+) points/) > 0 && number(t, /(\d+) violations/) === 0,
  },
  {
    name: 'fault-matrix',
    want: 'every combination handled',
    met: (t) => {
      const m = /(\d+)\/(\d+) combinations handled/.exec(t);
      return m !== null && Number(m[2]) > 0 && m[1] === m[2];
    },
  },
  {
    name: 'bad-inputs',
    want: '>= 100 cases, all handled, 0 violations',
    met: (t) => {
      const cases = number(t, /(\d+) cases/);
      return cases >= 100 && number(t, /(\d+) handled/) === cases && number(t, /(\d+) violations/) === 0;
    },
  },
  { name: 'secret-scan', want: 'secret markers found 0 times', met: (t) => number(t, /(\d+) leaks/) === 0 },
  { name: 'properties-core', want: '0 violations', met: (t) => number(t, /(\d+) violations/) === 0 },
  { name: 'properties-db', want: '0 violations', met: (t) => number(t, /(\d+) violations/) === 0 },
];

jest.on('close', (code) => {
  process.stderr.write('\n');
  const lines = output
    .split('\n')
    .map((l) => /RELIABILITY (.*)$/.exec(l)?.[1] ?? /^\s*(\| .*\|)\s*$/.exec(l)?.[1] ?? null)
    .filter((l) => l !== null);
  console.log('Figures (test/reliability):');
  for (const line of lines) console.log(`  ${line}`);
  const figures = new Map();
  for (const line of lines) {
    const m = /^([\w-]+): (.*)$/.exec(line);
    if (m) figures.set(m[1], m[2]);
  }
  console.log('\nTargets:');
  let missed = 0;
  for (const target of TARGETS) {
    const text = figures.get(target.name);
    const verdict = text === undefined ? 'MISSING' : target.met(text) ? 'met' : 'MISSED';
    if (verdict !== 'met') missed++;
    console.log(`  ${verdict.padEnd(7)} ${target.name.padEnd(16)} ${target.want}`);
  }
  const summary = output.split('\n').filter((l) => /^Tests:|^Test Suites:/.test(l));
  for (const line of summary) console.log(`  ${line}`);
  if (code !== 0) console.log(`\njest exited with ${code}: some reliability test failed (run it alone to see why).`);
  process.exit(missed > 0 || code !== 0 ? 1 : 0);
});
