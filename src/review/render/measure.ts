import type { Measure } from '../../engine/finding.js';
import { count } from './flavour.js';

/** "cyclomatic complexity 12, was 9; limit 10", "grew from 52 to 58 statements; limit 50" (the summary puts it in parentheses). */
export function measureText(m: Measure): string {
  // Counted things read "58 statements"; a named measure reads "cyclomatic complexity 12".
  const counted = !m.quantity.includes(' ');
  const value = (n: number): string => (counted ? `${count(n)} ${m.quantity}` : `${m.quantity} ${count(n)}`);
  const limit =
    m.ceiling !== undefined ? `the usual limit is ${count(m.limit)}, and the repository's linter allows ${count(m.ceiling)}` : `limit ${count(m.limit)}`;
  if (m.before === undefined) return `${value(m.value)}; ${limit}`;
  if (m.before > m.limit)
    return counted
      ? `grew from ${count(m.before)} to ${value(m.value)}; ${limit}`
      : `${m.quantity} grew from ${count(m.before)} to ${count(m.value)}; ${limit}`;
  return `${value(m.value)}, was ${count(m.before)}; ${limit}`;
}
