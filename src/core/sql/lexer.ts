/**
 * A small SQL tokenizer: splits SQL into statements and keywords while skipping string
 * literals, quoted identifiers, dollar-quoted bodies and comments. Used to find parameter
 * placeholders and as the conservative fallback when the dialect parser cannot read a query.
 */
export interface SqlScan {
  /** Upper-cased bare words outside literals and comments, per statement. */
  statements: string[][];
}

export function scanSql(sql: string): SqlScan {
  const statements: string[][] = [[]];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      while (i < n && sql[i] !== '\n') i++;
    } else if (c === '#' ) {
      while (i < n && sql[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      i = skipQuoted(sql, i, c);
    } else if (c === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i));
      if (tag) {
        const end = sql.indexOf(tag[0], i + tag[0].length);
        i = end < 0 ? n : end + tag[0].length;
      } else i++;
    } else if (c === ';') {
      statements.push([]);
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$]/.test(sql[j])) j++;
      statements[statements.length - 1].push(sql.slice(i, j).toUpperCase());
      i = j;
    } else i++;
  }
  return { statements: statements.filter((words) => words.length > 0) };
}

function skipQuoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === '\\' && quote !== '"') {
      i += 2;
      continue;
    }
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return sql.length;
}
