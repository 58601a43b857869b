/** The literal encoder, without a database (the round trip on real engines is in test/e2e/params-literal.test.ts). */
import { inlineLiterals, sqlLiteral } from '../../../src/core/params/literal';

describe('sqlLiteral', () => {
  it('doubles quotes in standard PostgreSQL strings, never E strings, and refuses NUL', () => {
    expect(sqlLiteral("it's \\ back", 'postgresql')).toBe("'it''s \\ back'");
    expect(() => sqlLiteral('a\u0000b', 'postgresql')).toThrow(/NUL/);
  });

  it('writes plain ASCII as a quoted MySQL string and anything else as hex', () => {
    expect(sqlLiteral("it's", 'mysql')).toBe("'it''s'");
    expect(sqlLiteral('\\', 'mysql')).toBe("CONVERT(X'5C' USING utf8mb4)");
    expect(sqlLiteral('é', 'mysql')).toBe("CONVERT(X'C3A9' USING utf8mb4)");
    expect(sqlLiteral('😀', 'mysql')).toBe("CONVERT(X'F09F9880' USING utf8mb4)");
    expect(sqlLiteral('', 'mysql')).toBe("''");
  });

  it('writes numbers, booleans and null; refuses non-finite numbers', () => {
    expect(sqlLiteral(-5, 'mysql')).toBe('(-5)');
    expect(sqlLiteral(2.5, 'postgresql')).toBe('2.5');
    expect(sqlLiteral(true, 'postgresql')).toBe('TRUE');
    expect(sqlLiteral(null, 'mysql')).toBe('NULL');
    expect(() => sqlLiteral(NaN, 'postgresql')).toThrow(/finite/);
    expect(() => sqlLiteral(Infinity, 'mysql')).toThrow(/finite/);
  });
});

describe('inlineLiterals', () => {
  it('replaces ? only in code, not in strings or comments', () => {
    expect(inlineLiterals({ sql: 'SELECT \'?\', ? -- ?\n, "?", ?', values: [1, 'x'] }, 'postgresql')).toBe(
      "SELECT '?', 1 -- ?\n, \"?\", 'x'",
    );
    expect(inlineLiterals({ sql: "SELECT 'a\\'?', ? # ?", values: [2] }, 'mysql')).toBe("SELECT 'a\\'?', 2 # ?");
  });

  it('refuses a count mismatch', () => {
    expect(() => inlineLiterals({ sql: 'SELECT ?, ?', values: [1] }, 'postgresql')).toThrow(/more \? placeholders/);
    expect(() => inlineLiterals({ sql: 'SELECT ?', values: [1, 2] }, 'postgresql')).toThrow(/1 \? placeholders but 2/);
  });
});
