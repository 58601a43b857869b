/**
 * The SQL editor as the Query tab sees it, available at once: CodeMirror (codemirror-editor.ts, a lazily
 * evaluated chunk) is created after the first paint; until then text, language and focus are kept and handed
 * over. `ready` settles once the real editor is in the page.
 */
import { loadEditorChunk } from './chunks';
import type { CompletionSchema } from './schema';
import type { Dialect } from './sql-format';

export interface SqlEditorOptions {
  placeholderText: string;
  /** The editor's accessible name. */
  label: string;
  /** The id of the element telling how to leave the editor (Esc, then Tab). */
  hintId: string;
  onChange: (text: string) => void;
  onRun: () => void;
}

export interface SqlEditor {
  getText(): string;
  setText(text: string): void;
  insert(text: string): void;
  /** The data source's dialect; null (no source chosen yet) is standard SQL. */
  setLanguage(dialect: Dialect | null, schema: CompletionSchema): void;
  focus(): void;
  /** Settles when CodeMirror is in the page (rejects if its chunk failed). */
  ready: Promise<void>;
}

/** Resolves after the browser has painted the current DOM (a frame, then a task). */
export function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    const next = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(next);
    else next();
  });
}

export function createSqlEditor(parent: HTMLElement, options: SqlEditorOptions): SqlEditor {
  let real: ReturnType<Awaited<ReturnType<typeof loadEditorChunk>>['createCodeMirror']> | null = null;
  let text = '';
  let language: [Dialect | null, CompletionSchema] | null = null;
  let wantsFocus = false;
  const ready = afterFirstPaint()
    .then(loadEditorChunk)
    .then((chunk) => {
      real = chunk.createCodeMirror(parent, options, text);
      if (language) real.setLanguage(...language);
      if (wantsFocus) real.focus();
    });
  return {
    getText: () => (real ? real.getText() : text),
    setText: (next) => {
      if (real) real.setText(next);
      else text = next;
    },
    insert: (more) => {
      if (real) real.insert(more);
      else text += more;
    },
    setLanguage: (dialect, schema) => {
      if (real) real.setLanguage(dialect, schema);
      else language = [dialect, schema];
    },
    focus: () => {
      if (real) real.focus();
      else wantsFocus = true;
    },
    ready,
  };
}
