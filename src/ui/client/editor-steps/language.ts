/** Editor chunk, step 2: language support and highlighting (the names the editor uses). */
export { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
