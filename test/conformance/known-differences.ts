/**
 * Conformance cases the local runtime is known to fail, each with its reason. Every id here
 * must also appear in emulator/docs/differences-*.md (the test checks it), and a case listed
 * here that starts passing fails the test, so the list stays true.
 */
export const KNOWN_DIFFERENCES: Record<string, string> = {
  'ss-formula-001': 'HyperFormula has no REGEXMATCH: the cell shows #NAME?',
  'ss-formula-002': 'HyperFormula has no LET: the cell shows #NAME?',
  'ss-formula-004': 'Display values do not implement fraction formats (# ?/?)',
};
