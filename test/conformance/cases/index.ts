/** Every conformance case, by service. */
import type { ConformanceCase } from '../types';
import { BASE_CASES } from './base';
import { NETWORK_CASES } from './network';
import { SPREADSHEET_CASES } from './spreadsheet';
import { UTILITIES_CASES } from './utilities';

export const ALL_CASES: ConformanceCase[] = [...SPREADSHEET_CASES, ...UTILITIES_CASES, ...BASE_CASES, ...NETWORK_CASES];
