import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';

/**
 * Golden summaries: the markdown summary the review of a real change posts, checked in as
 * bench/prs/golden/<project>-<short sha>.md and read line by line for truth and English
 * (bench/prs/golden/REVIEW.md). Only the summary is kept: never the project's code.
 */
export const GOLDEN_KINDS = ['clean', 'suggestions', 'security'] as const;
export type GoldenKind = (typeof GOLDEN_KINDS)[number];

export function goldenFile(dir: string, project: string, commit: string): string {
  return join(dir, `${project}-${commit.slice(0, 8)}.md`);
}

/** Ends with one newline, as the checked-in file does (editors and Prettier add it). */
function asFile(markdown: string): string {
  return `${markdown.replace(/\s+$/, '')}\n`;
}

export function writeGolden(file: string, markdown: string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, asFile(markdown));
}

/** undefined when the regenerated summary is the checked-in one, else a unified diff (or why there is none). */
export function goldenDifference(file: string, markdown: string): string | undefined {
  if (!existsSync(file)) return `${file} does not exist: write it with --golden`;
  const want = readFileSync(file, 'utf8');
  const got = asFile(markdown);
  if (want === got) return undefined;
  return createTwoFilesPatch(relative(process.cwd(), file), 'regenerated', want, got, undefined, undefined, { context: 2 });
}
