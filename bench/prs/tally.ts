import type { Verdict } from './labels.js';

/** Counts of what the reviews of some changes posted, and how the posted items were labelled. */
export interface Tally {
  changes: number;
  inline: number;
  summary: number;
  byCategory: Map<string, number>;
  keep: number;
  noise: number;
  false: number;
  unlabelled: number;
  securityDefects: number;
  /** Reviews whose CLI run exited non-zero (a failing check). */
  failed: number;
  /** Changes with more inline comments than issue 9 allows, not all of them kept. */
  overFive: number;
  /** Items the changes' `expect` lists (what their maintainers would want said), and how many were posted. */
  expected: number;
  expectedFound: number;
  /** The most inline comments one change got. */
  maxInline: number;
}

export function emptyTally(): Tally {
  return {
    changes: 0,
    inline: 0,
    summary: 0,
    byCategory: new Map(),
    keep: 0,
    noise: 0,
    false: 0,
    unlabelled: 0,
    securityDefects: 0,
    failed: 0,
    overFive: 0,
    expected: 0,
    expectedFound: 0,
    maxInline: 0,
  };
}

export function addItem(tally: Tally, category: string, inline: boolean, verdict: Verdict | undefined): void {
  if (inline) tally.maxInline = Math.max(tally.maxInline, ++tally.inline);
  else tally.summary++;
  tally.byCategory.set(category, (tally.byCategory.get(category) ?? 0) + 1);
  if (verdict) tally[verdict]++;
  else tally.unlabelled++;
}

export function addTally(into: Tally, one: Tally): void {
  for (const key of [
    'changes',
    'inline',
    'summary',
    'keep',
    'noise',
    'false',
    'unlabelled',
    'securityDefects',
    'failed',
    'overFive',
    'expected',
    'expectedFound',
  ] as const)
    into[key] += one[key];
  into.maxInline = Math.max(into.maxInline, one.maxInline);
  for (const [category, n] of one.byCategory) into.byCategory.set(category, (into.byCategory.get(category) ?? 0) + n);
}

export function posted(tally: Tally): number {
  return tally.inline + tally.summary;
}

/** keep ÷ all posted; unlabelled items count as posted, not as kept. */
export function usefulShare(tally: Tally): number | undefined {
  const all = posted(tally);
  return all ? tally.keep / all : undefined;
}

export function formatShare(share: number | undefined): string {
  return share === undefined ? '–' : share.toFixed(3);
}

export function perChange(n: number, changes: number): string {
  return changes ? (n / changes).toFixed(1) : '–';
}

export function categoriesText(tally: Tally): string {
  const sorted = [...tally.byCategory].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return sorted.map(([c, n]) => `${c} ${n}`).join(', ') || 'none';
}
