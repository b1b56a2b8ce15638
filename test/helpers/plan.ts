import type { AnalysisResult } from '../../src/engine/analyze.js';
import { STRICT_CONVENTIONS, type FileConventions } from '../../src/engine/conventions.js';
import { analyzeFile } from '../../src/engine/run.js';
import type { EnabledRule } from '../../src/engine/rule.js';
import { DEFAULT_CONFIG, type Config } from '../../src/review/config.js';
import { wholeFileDiff } from '../../src/review/diff.js';
import { planReview, type ReviewPlan } from '../../src/review/plan.js';
import { commentableLines } from '../../src/review/diff.js';
import { createTwoFilesPatch } from 'diff';

/** The plan of files reviewed whole, from an engine result (or one built by hand). */
export function planOf(
  result: Omit<AnalysisResult, 'measurements'> & { measurements?: AnalysisResult['measurements'] },
  config: Config = DEFAULT_CONFIG,
): ReviewPlan {
  const files = result.files.map((file) => ({
    source: { path: file.path, head: '', diff: wholeFileDiff('') },
    head: {
      path: file.path,
      lines: file.lines,
      findings: result.findings.filter((f) => f.path === file.path),
      notes: [],
      conformingNames: result.conformingNames.filter((c) => c.path === file.path),
      suppressed: result.suppressed.filter((s) => s.path === file.path),
      measurements: (result.measurements ?? []).filter((m) => m.path === file.path),
    },
  }));
  return planReview({ mode: 'files', files, config, notes: result.notes });
}

/** The plan of a change to one file: both versions through the real engine, the diff between them as GitHub shows it. */
export function planOfChange(
  path: string,
  base: string | undefined,
  head: string,
  rules: readonly EnabledRule[],
  config: Partial<Config> = {},
  conventions: FileConventions = STRICT_CONVENTIONS,
  /** The repository's lint config files at the base, by name (`pyproject.toml`…). */
  lintFiles?: Readonly<Record<string, string>>,
): ReviewPlan {
  const patch = base === undefined ? undefined : createTwoFilesPatch(path, path, base, head, '', '', { context: 3 }).split('\n').slice(4).join('\n');
  const source = {
    path,
    head,
    diff: base === undefined ? wholeFileDiff(head) : commentableLines(patch || '@@ -0,0 +0,0 @@\n'),
    ...(base !== undefined ? { base, basePath: path } : {}),
  };
  const files = [
    { source, head: analyzeFile(path, head, rules, conventions), ...(base !== undefined ? { base: analyzeFile(path, base, rules, conventions) } : {}) },
  ];
  return planReview({ mode: 'change', files, config: { ...DEFAULT_CONFIG, ...config }, notes: [], ...(lintFiles ? { lintFiles } : {}) });
}
