/**
 * The page's lazily evaluated parts: CodeMirror (the editor, after the first paint) and sql-formatter (on the
 * first Format). In the built page (scripts/build-ui.mjs) each is a <script type="text/plain" data-chunk>
 * block, parsed only when evaluated here; elsewhere (tests in Node) the modules imported below, which the
 * page's build replaces with empty stubs.
 */
import * as codemirrorEditor from './codemirror-editor';
import { t } from './i18n';
import * as sqlFormat from './sql-format';

type EditorChunk = typeof codemirrorEditor;
/** The page's editor chunk (editor-chunk.ts): loads CodeMirror a step (a task) at a time. */
interface EditorLoader {
  load(): Promise<EditorChunk>;
}
type SqlFormatChunk = typeof sqlFormat;

interface Chunks {
  editor: EditorLoader;
  sqlFormat: SqlFormatChunk;
}

declare const SHEETDASH_INLINE_CHUNKS: boolean | undefined;
const inlineChunks = typeof SHEETDASH_INLINE_CHUNKS !== 'undefined' && SHEETDASH_INLINE_CHUNKS;

/** Evaluates the page's chunk `name` once (it registers itself on window.__sheetdashChunks). */
function fromPage<K extends keyof Chunks>(name: K): Chunks[K] | undefined {
  const registry = () => (window as unknown as { __sheetdashChunks?: Partial<Chunks> }).__sheetdashChunks;
  const loaded = registry()?.[name];
  if (loaded) return loaded;
  const source = document.querySelector(`script[type="text/plain"][data-chunk="${name}"]`);
  if (!source) return undefined;
  const script = document.createElement('script');
  script.textContent = source.textContent;
  document.head.appendChild(script);
  return registry()?.[name];
}

function missing(name: string): Error {
  return new Error(t('common.partMissing', { detail: name }));
}

export async function loadEditorChunk(): Promise<EditorChunk> {
  const chunk = fromPage('editor');
  if (chunk) return chunk.load();
  if (inlineChunks) throw missing('editor');
  return codemirrorEditor;
}

export async function loadSqlFormatChunk(): Promise<SqlFormatChunk> {
  const chunk = fromPage('sqlFormat');
  if (chunk) return chunk;
  if (inlineChunks) throw missing('sqlFormat');
  return sqlFormat;
}
