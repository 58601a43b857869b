/**
 * The local receiver (Slack, Google Chat, webhooks, Google Public DNS on loopback) for one test
 * file: started before the file's tests, stopped after them, with the file's runtimes disposed
 * first. Use the returned object as the receiver itself once `beforeAll` has run.
 */
import { type Receiver, startReceiver } from '../../emulator/src/http/receiver';
import { disposeRuntimes } from './runtimes';

export function useReceiver(options: { afterStop?: () => void } = {}): Receiver {
  let started: Receiver | null = null;
  beforeAll(async () => {
    started = await startReceiver();
  });
  afterAll(async () => {
    disposeRuntimes();
    await started?.stop();
    options.afterStop?.();
  });
  return new Proxy({} as Receiver, {
    get(_target, key) {
      if (started === null) throw new Error('the receiver starts in beforeAll: use it inside a test or a hook');
      const value = Reflect.get(started, key, started) as unknown;
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
}
