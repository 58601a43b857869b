/** The per-dialect lexer: token boundaries as each server draws them. */
import type { Dialect } from '../../../src/datasources/kind';
import { tokenize, type Reading } from '../../../src/core/sql/lexer';
import { splitSql } from '../../../src/core/sql/segments';

/** The non-space tokens as "kind:text". */
function lex(sql: string, dialect: Dialect, reading: Reading = 'default'): string[] {
  return tokenize(sql, dialect, reading)
    .filter((t) => t.kind !== 'space')
    .map((t) => `${t.kind}:${t.text}${t.problem ? `!${t.problem}` : ''}`);
}

describe('the PostgreSQL lexer', () => {
  it('reads identifiers with non-ASCII letters and $ as one word, not a dollar quote', () => {
    expect(lex('SELECT 1 AS é$a$; x', 'postgresql')).toEqual([
      'word:SELECT',
      'word:1',
      'word:AS',
      'word:é$a$',
      'symbol:;',
      'word:x',
    ]);
    expect(lex('a$b$c 日本$x$', 'postgresql')).toEqual(['word:a$b$c', 'word:日本$x$']);
  });

  it('reads dollar quotes where a token starts, with PostgreSQL tag rules', () => {
    expect(lex('SELECT $$a;b$$, $tag$ $$ ; $tag$, $é$x$é$', 'postgresql')).toEqual([
      'word:SELECT',
      'string:$$a;b$$',
      'symbol:,',
      'string:$tag$ $$ ; $tag$',
      'symbol:,',
      'string:$é$x$é$',
    ]);
    const tag = `$${'t'.repeat(500)}$`;
    expect(lex(`${tag} ; ${tag};`, 'postgresql')).toEqual([`string:${tag} ; ${tag}`, 'symbol:;']);
    expect(lex('$ab$ $a$ $ab$', 'postgresql')).toEqual(['string:$ab$ $a$ $ab$']);
    expect(lex('1$a$x$a$', 'postgresql')).toEqual(['word:1', 'string:$a$x$a$']);
    expect(lex('1.5e3 .5 0x1F 1_000', 'postgresql')).toEqual(['word:1.5e3', 'word:.5', 'word:0x1F', 'word:1_000']);
    expect(lex('$1 + $2', 'postgresql')).toEqual(['symbol:$1', 'symbol:+', 'symbol:$2']);
    expect(lex('$1a$ x', 'postgresql')[0]).toBe('symbol:$1');
    expect(lex('SELECT $q$ open', 'postgresql')).toEqual(['word:SELECT', 'string:$q$ open!unterminated']);
  });

  it('takes backslash escapes only in E strings, unless standard_conforming_strings is off', () => {
    expect(lex("E'a\\'b' 'c\\' x", 'postgresql')).toEqual(["string:E'a\\'b'", "string:'c\\'", 'word:x']);
    expect(lex("e'\\\\' 'it''s'", 'postgresql')).toEqual(["string:e'\\\\'", "string:'it''s'"]);
    expect(lex("'c\\' x'", 'postgresql', 'other')).toEqual(["string:'c\\' x'"]);
    expect(lex("fooE'x'", 'postgresql')).toEqual(['word:fooE', "string:'x'"]);
    expect(lex('U&\'d\\0061\' U&"x""y"', 'postgresql')).toEqual(["string:U&'d\\0061'", 'identifier:U&"x""y"']);
    expect(lex("B'101' X'1F' N'n'", 'postgresql')).toEqual(["string:B'101'", "string:X'1F'", "string:N'n'"]);
  });

  it('nests block comments and ends line comments at \\n or \\r; -- is always a comment', () => {
    expect(lex('1 /* a /* b */ ; c */ 2', 'postgresql')).toEqual(['word:1', 'comment:/* a /* b */ ; c */', 'word:2']);
    expect(lex('1 /* a /* b */', 'postgresql')).toEqual(['word:1', 'comment:/* a /* b */!unterminated']);
    expect(lex('2--1\r;x', 'postgresql')).toEqual(['word:2', 'comment:--1', 'symbol:;', 'word:x']);
  });

  it('keeps operators and casts as symbols', () => {
    expect(lex("a->>'k' ? b::int", 'postgresql')).toEqual([
      'word:a',
      'symbol:-',
      'symbol:>',
      'symbol:>',
      "string:'k'",
      'symbol:?',
      'word:b',
      'symbol::',
      'symbol::',
      'word:int',
    ]);
    expect(lex('"a""b" "x;"', 'postgresql')).toEqual(['identifier:"a""b"', 'identifier:"x;"']);
    expect(tokenize('"a""b"', 'postgresql', 'default')[0].value).toBe('a"b');
  });
});

describe('the MySQL lexer', () => {
  it('takes -- as a comment only before a space or control character', () => {
    expect(lex('SELECT 2--1', 'mysql')).toEqual(['word:SELECT', 'word:2', 'symbol:-', 'symbol:-', 'word:1']);
    expect(lex('SELECT 2 -- 1\nx', 'mysql')).toEqual(['word:SELECT', 'word:2', 'comment:-- 1', 'word:x']);
    expect(lex('2 --\t1', 'mysql')).toEqual(['word:2', 'comment:--\t1']);
    expect(lex('2 --', 'mysql')).toEqual(['word:2', 'comment:--']);
    expect(lex('2 # c ; \r d\ne', 'mysql')).toEqual(['word:2', 'comment:# c ; \r d', 'word:e']);
  });

  it('flags executable comments and keeps hints and plain comments as comments', () => {
    expect(lex("1 /*!50000 INTO OUTFILE 'x' */", 'mysql')).toEqual([
      'word:1',
      "comment:/*!50000 INTO OUTFILE 'x' */!executable-comment",
    ]);
    expect(lex('1 /*! x */ /*M!100100 y */', 'mysql')).toEqual([
      'word:1',
      'comment:/*! x */!executable-comment',
      'comment:/*M!100100 y */!executable-comment',
    ]);
    expect(lex('/*+ BKA(t) */ /* a /* b */ c */', 'mysql')).toEqual([
      'comment:/*+ BKA(t) */',
      'comment:/* a /* b */',
      'word:c',
      'symbol:*',
      'symbol:/',
    ]);
  });

  it('takes backslash escapes in strings, and none with NO_BACKSLASH_ESCAPES / ANSI_QUOTES', () => {
    expect(lex('\'a\\\'b;\' "c\\"d" `e``f`', 'mysql')).toEqual([
      "string:'a\\'b;'",
      'string:"c\\"d"',
      'identifier:`e``f`',
    ]);
    expect(lex("'a\\'b;'", 'mysql', 'other')).toEqual(["string:'a\\'", 'word:b', 'symbol:;', "string:'!unterminated"]);
    expect(lex('"x"', 'mysql', 'other')).toEqual(['identifier:"x"']);
  });

  it('reads ANSI_QUOTES alone (sql_mode=ANSI) and NO_BACKSLASH_ESCAPES alone as those servers do', () => {
    // ANSI_QUOTES with backslash escapes: "\" is an identifier that ends at its second quote
    expect(lex(`"\\", '\\' '`, 'mysql', 'ansi-quotes')).toEqual(['identifier:"\\"', 'symbol:,', "string:'\\' '"]);
    // NO_BACKSLASH_ESCAPES without ANSI_QUOTES: "..." is a string without escapes
    expect(lex(`"a\\" 'b\\'`, 'mysql', 'no-backslash-escapes')).toEqual(['string:"a\\"', "string:'b\\'"]);
  });

  it('reads identifiers with digits, $ and non-ASCII letters', () => {
    expect(lex('SELECT é$a$, 1abc, $x FROM t', 'mysql')).toEqual([
      'word:SELECT',
      'word:é$a$',
      'symbol:,',
      'word:1abc',
      'symbol:,',
      'word:$x',
      'word:FROM',
      'word:t',
    ]);
  });
});

describe('the SQL Server lexer', () => {
  it('reads [ ] and " " identifiers and nested comments', () => {
    expect(lex('SELECT [a;]]b], "c" /* x /* y */ z */ N\'s\'', 'transactsql')).toEqual([
      'word:SELECT',
      'identifier:[a;]]b]',
      'symbol:,',
      'identifier:"c"',
      'comment:/* x /* y */ z */',
      'word:N',
      "string:'s'",
    ]);
    expect(tokenize('[a]]b]', 'transactsql', 'default')[0].value).toBe('a]b');
  });
});

describe('splitSql', () => {
  it('gives code, literal and comment segments that put the SQL back together', () => {
    const sql = "SELECT é$a$, $$x$$ -- c\n, 'y' /* z */ FROM t";
    const segments = splitSql(sql, 'postgresql');
    expect(segments.map((s) => s.text).join('')).toBe(sql);
    expect(segments.map((s) => s.kind)).toEqual([
      'code',
      'literal',
      'code',
      'comment',
      'code',
      'literal',
      'code',
      'comment',
      'code',
    ]);
    expect(segments[0].text).toBe('SELECT é$a$, ');
  });
});
