import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * Labels of posted review items, judged as the project's maintainers would: keep (they would
 * want the comment), noise (true, but they would delete it), false (the claim is not true).
 */
export const VERDICTS = ['keep', 'noise', 'false'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * Keyed by what survives engine changes: commit, path, rule (or its Ruff/flake8/Bandit code),
 * and the subject name and/or the normalised source line. Never the line number.
 */
const Label = z.strictObject({
  commit: z.string().regex(/^[0-9a-f]{7,40}$/),
  path: z.string().min(1),
  rule: z.string().min(1),
  code: z.string().optional(),
  subject: z.string().optional(),
  snippet: z.string().optional(),
  /** Given for a summary note or a silenced security finding: a note on the same code is another item than the finding was. */
  kind: z.enum(['note', 'suppressed']).optional(),
  verdict: z.enum(VERDICTS),
  why: z.string().min(3),
  /** For the reader only, never matched on: where the item was and what it said when labelled. */
  line: z.number().int().optional(),
  message: z.string().optional(),
});
export type Label = z.infer<typeof Label>;

const LabelFile = z.strictObject({ project: z.string().min(1), labels: z.array(Label) });

/** The fields of a finding that a label is matched on (old and new CLI JSON both have them). */
export interface LabelledItem {
  path: string;
  rule: string;
  code?: string | undefined;
  subject?: string | undefined;
  snippet: string;
  /** How the summary posts it; a finding when not given. */
  kind?: 'finding' | 'note' | 'suppressed' | undefined;
}

/** Every `*.json` under `dir`, one file per project: project → labels. */
export function loadLabels(dir: string): Map<string, Label[]> {
  const out = new Map<string, Label[]>();
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const parsed = LabelFile.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
    if (!parsed.success) throw new Error(`${join(dir, name)}: ${z.prettifyError(parsed.error)}`);
    out.set(parsed.data.project, [...(out.get(parsed.data.project) ?? []), ...parsed.data.labels]);
  }
  return out;
}

/** Whitespace runs collapsed: reformatting a line does not orphan its label. */
export function normaliseSnippet(snippet: string): string {
  return snippet.trim().replace(/\s+/g, ' ');
}

/**
 * The label of one item of a review of `commit`: same commit, path and rule (or code), and the
 * subject or the snippet the label gives agrees (a new engine may name a parameter finding by
 * the parameter instead of its function, or move it within the line). A label for a note or a
 * silenced finding matches only that kind; among several, the one of the same kind with most
 * agreeing keys.
 */
export function labelOf(item: LabelledItem, commit: string, labels: readonly Label[]): Label | undefined {
  let best: Label | undefined;
  let bestKeys = -1;
  const snippet = normaliseSnippet(item.snippet);
  const kind = item.kind ?? 'finding';
  for (const label of labels) {
    if (!commit.startsWith(label.commit) || label.path !== item.path) continue;
    if (label.kind !== undefined && label.kind !== kind) continue;
    if (label.rule !== item.rule && !(label.code && label.code === item.code)) continue;
    const subjectAgrees = label.subject !== undefined && label.subject === item.subject;
    const snippetAgrees = label.snippet !== undefined && normaliseSnippet(label.snippet) === snippet;
    const given = (label.subject !== undefined ? 1 : 0) + (label.snippet !== undefined ? 1 : 0);
    const agreeing = (subjectAgrees ? 1 : 0) + (snippetAgrees ? 1 : 0);
    if (given > 0 && agreeing === 0) continue;
    // A label of the item's own kind outranks any number of agreeing keys of one that names no kind.
    const rank = agreeing + (label.kind === undefined ? 0 : 10);
    if (rank > bestKeys) [best, bestKeys] = [label, rank];
  }
  return best;
}

/** A label to fill in for an item no label matches: the keys, and the message to judge by. */
export function labelStub(item: LabelledItem & { line: number; message: string }, commit: string): Record<string, unknown> {
  return {
    commit: commit.slice(0, 8),
    path: item.path,
    rule: item.rule,
    ...(item.code ? { code: item.code } : {}),
    ...(item.subject ? { subject: item.subject } : {}),
    snippet: normaliseSnippet(item.snippet),
    ...(item.kind && item.kind !== 'finding' ? { kind: item.kind } : {}),
    verdict: '',
    why: '',
    line: item.line,
    message: item.message,
  };
}
