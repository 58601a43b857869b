/**
 * Compiles an HtmlService template (`<? code ?>`, `<?= escaped ?>`, `<?!= raw ?>`) into the
 * body of a JavaScript function. The body appends to an `output` object (append /
 * appendUntrusted / getContent / clear), as Apps Script's generated template code does, so
 * scriptlets may call `output.append(...)` themselves.
 */

/** The JavaScript that builds the page; expects `output` in scope. */
export function compileTemplate(source: string): string {
  const parts: string[] = [];
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  // biome-ignore lint/suspicious/noAssignInExpressions: the usual exec loop
  while ((m = re.exec(source)) !== null) {
    if (m.index > last) parts.push(`output.append(${JSON.stringify(source.slice(last, m.index))});`);
    const code = m[2];
    if (m[1] === '=') parts.push(`output.appendUntrusted(${expression(code)});`);
    else if (m[1] === '!=') parts.push(`output.append(${expression(code)});`);
    else parts.push(code);
    last = re.lastIndex;
  }
  if (last < source.length) parts.push(`output.append(${JSON.stringify(source.slice(last))});`);
  return parts.join('\n');
}

/** A printing scriptlet's expression, without the trailing semicolons people often write. */
function expression(code: string): string {
  return `(${code.trim().replace(/;+\s*$/, '')})`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Sandbox source of a function `(vars) => string` that runs a compiled body with the
 * template's variables in scope (sloppy mode, `with`, as Apps Script templates do). Escaping
 * is defined inside the sandbox, so no host function is handed to script code.
 */
export function evaluatorSource(body: string): string {
  return `(function (__vars) {
  var __escape = function (s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  };
  var output = {
    __parts: [],
    append: function (s) { this.__parts.push(s === undefined || s === null ? '' : String(s)); return this; },
    appendUntrusted: function (s) { this.__parts.push(__escape(s === undefined || s === null ? '' : String(s))); return this; },
    clear: function () { this.__parts = []; return this; },
    getContent: function () { return this.__parts.join(''); }
  };
  with (__vars) {
${body}
  }
  return output.getContent();
})`;
}
