/** The runtime's own behaviour: sandbox globals, executions, errors, clock, counters, faults. */
import { disposeRuntimes, fixtureRuntime } from '../../helpers/runtimes';

afterAll(disposeRuntimes);

describe('sandbox', () => {
  it('holds only Apps Script globals', () => {
    const rt = fixtureRuntime(`function probe() {
      return ['require', 'process', 'setTimeout', 'fetch', 'Buffer', 'WebAssembly', 'module'].filter(function (n) { return typeof globalThis[n] !== 'undefined'; });
    }`);
    expect(rt.call('probe')).toEqual([]);
  });

  it('runs global statements again on every execution', () => {
    const rt = fixtureRuntime(`var counter = 0; function bump() { counter++; return counter; }`);
    expect(rt.call('bump')).toBe(1);
    expect(rt.call('bump')).toBe(1);
  });

  it('reads time from the virtual clock', () => {
    const rt = fixtureRuntime(
      `function now() { return [Date.now(), new Date().getTime(), new Date(5).getTime(), new Date() instanceof Date]; }`,
    );
    rt.clock.freeze(Date.UTC(2030, 0, 1));
    expect(rt.call('now')).toEqual([Date.UTC(2030, 0, 1), Date.UTC(2030, 0, 1), 5, true]);
  });

  it('reports a missing function as Apps Script does', () => {
    const rt = fixtureRuntime(`function a() {}`);
    const result = rt.run('nope');
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({ name: 'Exception', message: 'Script function not found: nope' });
  });

  it('counts service calls per execution and method', () => {
    const rt = fixtureRuntime(`function logTwice() { Logger.log('a'); Logger.log('b'); }`);
    const result = rt.run('logTwice');
    expect(result.execution.calls.get('Logger.log')).toBe(2);
    expect(result.execution.callsByService()).toEqual({ Logger: 2 });
    expect(result.execution.logs).toEqual(['a', 'b']);
  });

  it('hides host-only members of service objects', () => {
    const rt = fixtureRuntime(
      `function peek() { return [typeof Logger._host, typeof Logger.log, Object.keys(Logger).indexOf('_host')]; }`,
    );
    expect(rt.call('peek')).toEqual(['undefined', 'function', -1]);
  });
});

describe('fault injection', () => {
  it('kills the execution at the k-th call, even if the code catches the error', () => {
    const rt = fixtureRuntime(`function loop() {
      var n = 0;
      for (var i = 0; i < 5; i++) { try { Logger.log(i); n++; } catch (e) { } }
      return n;
    }`);
    rt.faults.killAtCall(3, 'Logger.log');
    const result = rt.run('loop');
    expect(result.ok).toBe(false);
    expect(result.error).toEqual({ name: 'Exception', message: 'Exceeded maximum execution time' });
    expect(result.execution.logs).toEqual(['0', '1']);
  });

  it('throws a chosen error as an Apps Script Exception', () => {
    const rt = fixtureRuntime(
      `function f() { try { Logger.log('x'); } catch (e) { return [e.name, e.message, String(e), e instanceof Error]; } }`,
    );
    rt.faults.add({ method: 'Logger.log', action: { throw: 'Service error: Spreadsheets' } });
    expect(rt.call('f')).toEqual([
      'Exception',
      'Service error: Spreadsheets',
      'Exception: Service error: Spreadsheets',
      true,
    ]);
  });

  it('stops an execution past its time limit on the virtual clock', () => {
    const rt = fixtureRuntime(`function slow() { Logger.log('start'); Logger.log('late'); }`);
    rt.faults.add({ method: 'Logger.log', nth: 1, action: { before: () => rt.clock.advance(361_000) } });
    const result = rt.run('slow');
    expect(result.error?.message).toBe('Exceeded maximum execution time');
  });
});

describe('google.script.run', () => {
  it('refuses private functions and Dates, and nulls a Date result', () => {
    const rt =
      fixtureRuntime(`function hidden_() { return 1; } function echo(x) { return x; } function when() { return [new Date(0)]; }
      function fail() { throw new Error('boom'); }`);
    expect(rt.scriptRun('hidden_')).toMatchObject({ ok: false });
    expect(rt.scriptRun('echo', [{ a: [1, 'x', null] }])).toEqual({ ok: true, value: { a: [1, 'x', null] } });
    expect(rt.scriptRun('echo', [new Date()])).toMatchObject({ ok: false });
    expect(rt.scriptRun('when')).toEqual({ ok: true, value: null });
    expect(rt.scriptRun('fail')).toEqual({ ok: false, error: { name: 'ScriptError', message: 'Error: boom' } });
  });
});
