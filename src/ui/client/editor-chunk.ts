/**
 * The editor chunk's entry (scripts/build-ui.mjs bundles it into the page's lazily evaluated "editor" block):
 * CodeMirror's modules are initialised a few at a time, each step in its own task, so that evaluating the
 * editor never blocks the main thread for long (the bundler defers a dynamically imported module's top-level
 * code until it is imported).
 */
import type * as CodeMirrorEditor from './codemirror-editor';

const STEPS: (() => Promise<unknown>)[] = [
  () => import('./editor-steps/view'),
  () => import('./editor-steps/language'),
  () => import('./editor-steps/commands'),
  () => import('./editor-steps/sql'),
];

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function load(): Promise<typeof CodeMirrorEditor> {
  for (const step of STEPS) {
    await step();
    await nextTask();
  }
  return import('./codemirror-editor');
}
