/**
 * The benchmark's naive strategies are Apps Script code that bench/run.ts calls by name: a
 * rename (say, by a linter that takes them for unused) would silently empty the benchmark.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';

it('defines the global functions the benchmark calls', () => {
  const code = fs.readFileSync(path.join(__dirname, '..', '..', 'bench', 'naive-strategies.js'), 'utf8');
  const context = vm.createContext({});
  vm.runInContext(code, context);
  const runner = ['run.ts', 'tick.ts']
    .map((file) => fs.readFileSync(path.join(__dirname, '..', '..', 'bench', file), 'utf8'))
    .join('\n');
  const called = [...runner.matchAll(/\.run\('(\w+)'|'(naive\w+)'/g)]
    .map((m) => m[1] ?? m[2])
    .filter((name) => !['sheetdashApi', 'turnOnSchedule'].includes(name)); // the bundle's own functions
  expect(new Set(called)).toEqual(new Set(['exec', 'naiveSetValues', 'naiveAppendRow', 'naiveTick']));
  for (const name of new Set(called)) expect(typeof (context as Record<string, unknown>)[name]).toBe('function');
});
