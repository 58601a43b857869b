/**
 * After every test: the bundle's executions in that test made none of the misuses Apps Script
 * documents but does not report (see Execution.hazards in the emulator), such as releasing the
 * document lock with spreadsheet changes not yet flushed.
 */
import { newHazards } from '../helpers/hazard-watch';

afterEach(() => {
  const hazards = newHazards();
  if (hazards.length > 0) throw new Error(`Apps Script misuse in this test:\n${hazards.join('\n')}`);
});
