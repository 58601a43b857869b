/**
 * The SQL editor itself: CodeMirror 6 with @codemirror/lang-sql in the data source's dialect,
 * completion of tables and columns from the schema, and Ctrl/Cmd+Enter to run. A lazily evaluated
 * chunk of the page (chunks.ts); editor.ts creates it after the first paint.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { MSSQL, MySQL, PostgreSQL, StandardSQL, sql } from '@codemirror/lang-sql';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, keymap, placeholder, tooltips } from '@codemirror/view';
import type { Dialect } from './sql-format';
import type { CompletionSchema } from './schema';
import type { SqlEditorOptions } from './editor';

const DIALECTS = { postgresql: PostgreSQL, mysql: MySQL, transactsql: MSSQL };

/** Margin kept between a tooltip and the sidebar's edge, in pixels. */
const TOOLTIP_MARGIN = 4;

/**
 * Where tooltips (the completion list) may go: the editor's own column across (so they never
 * run past the 300 px sidebar or under its scroll bar), the whole window up and down.
 */
function editorColumn(view: EditorView): { top: number; left: number; bottom: number; right: number } {
  const box = view.dom.getBoundingClientRect();
  const visibleRight = document.documentElement.clientWidth || window.innerWidth;
  return {
    top: 0,
    left: Math.max(0, box.left),
    bottom: window.innerHeight,
    right: Math.max(box.left + 1, Math.min(box.right, visibleRight - TOOLTIP_MARGIN)),
  };
}

/** The editor's calls (the same as editor.ts's SqlEditor, without `ready`). */
export interface CodeMirrorEditor {
  getText(): string;
  setText(text: string): void;
  insert(text: string): void;
  /** The data source's dialect; null (no source chosen yet) is standard SQL. */
  setLanguage(dialect: Dialect | null, schema: CompletionSchema): void;
  focus(): void;
}

export function createCodeMirror(parent: HTMLElement, options: SqlEditorOptions, doc: string): CodeMirrorEditor {
  const language = new Compartment();
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        Prec.highest(
          keymap.of([
            {
              key: 'Mod-Enter',
              run: () => {
                options.onRun();
                return true;
              },
            },
          ]),
        ),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        autocompletion({ icons: false }),
        tooltips({ tooltipSpace: editorColumn }),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
        placeholder(options.placeholderText),
        EditorView.lineWrapping,
        // A name and the way out (Esc, then Tab) for screen readers; the hint is also shown on focus.
        EditorView.contentAttributes.of({ 'aria-label': options.label, 'aria-describedby': options.hintId }),
        language.of(sql({ dialect: PostgreSQL })),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    getText: () => view.state.doc.toString(),
    setText: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    insert: (text) => {
      view.dispatch(view.state.replaceSelection(text));
      view.focus();
    },
    setLanguage: (dialect, schema) =>
      view.dispatch({
        effects: language.reconfigure(
          sql({
            dialect: dialect ? DIALECTS[dialect] : StandardSQL,
            schema: schema.schema,
            defaultSchema: schema.defaultSchema,
            upperCaseKeywords: true,
          }),
        ),
      }),
    focus: () => view.focus(),
  };
}
