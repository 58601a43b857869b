/** Editor chunk, step 1: CodeMirror's state and view (only the names the editor uses, so the rest is left out). */
export { Compartment, EditorState, Prec } from '@codemirror/state';
export { EditorView, drawSelection, highlightActiveLine, keymap, placeholder, tooltips } from '@codemirror/view';
