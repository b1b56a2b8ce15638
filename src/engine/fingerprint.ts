import { hash } from 'node:crypto';

/**
 * A finding's identity across pushes: rule + enclosing symbol + its code with white space
 * folded, never its line number, so moved or re-indented code keeps its fingerprint. The
 * occurrence count tells apart identical code in the same symbol.
 */
export function fingerprint(rule: string, symbol: string, code: string, occurrence: number): string {
  const normalised = code.replace(/\s+/g, ' ').trim();
  // One-shot hashing: the same digest as createHash().update().digest(), without the objects.
  return hash('sha256', `${rule}\0${symbol}\0${normalised}\0${occurrence}`, 'hex').slice(0, 20);
}
