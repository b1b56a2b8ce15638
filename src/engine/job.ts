import type { FileConventions } from './conventions.js';
import type { Severity } from './finding.js';
import type { EnabledRule } from './rule.js';
import { ruleById } from '../../analyzers/index.js';
import { lineStartsOf, parseFlat, parseFlatEditable } from './parse.js';
import { analyzeFile, analyzeParsed, type FileResult } from './run.js';
import type { JobLimits } from './budget.js';

export type { JobLimits } from './budget.js';

/**
 * One file of a review as the worker pool receives it: plain data, so that it can cross to a
 * worker thread. A changed file carries its base too: the worker parses the base, then the head
 * against the base's edited tree, and returns both results.
 */
export interface FileJob {
  path: string;
  source: string;
  /** What the code around the file expects of it; strict when not given. */
  conventions?: FileConventions;
  /** The version before the change (for a renamed file, with its old path). */
  base?: { source: string; path?: string; conventions?: FileConventions };
}

export interface JobResult {
  head: FileResult;
  base?: FileResult;
}

/** A rule as a worker receives it: resolved there from the registry (analyzers/index.ts). */
export interface RuleSpec {
  id: string;
  /** As the config gives them: the worker parses them with the rule's schema, as the caller's thread would. */
  options: Record<string, unknown>;
  severity?: Severity;
  /** Codes the repository's lint config turns off (EnabledRule.disabledCodes). */
  disabledCodes?: readonly string[];
}

export function specOf(enabled: EnabledRule): RuleSpec {
  return {
    id: enabled.rule.id,
    options: enabled.options,
    ...(enabled.severity ? { severity: enabled.severity } : {}),
    ...(enabled.disabledCodes ? { disabledCodes: enabled.disabledCodes } : {}),
  };
}

/** A spec's rule from the registry (analyzers/index.ts), as the caller's thread had it. */
export function resolveRule(spec: RuleSpec): EnabledRule {
  const rule = ruleById(spec.id);
  if (!rule) throw new Error(`unknown rule '${spec.id}'`);
  return {
    rule,
    options: spec.options,
    ...(spec.severity ? { severity: spec.severity } : {}),
    ...(spec.disabledCodes ? { disabledCodes: spec.disabledCodes } : {}),
  };
}

/** Analyses one job: the base first (its tree kept for the head's incremental parse), then the head. */
export function runJob(job: FileJob, rules: readonly EnabledRule[], limits: JobLimits = {}): JobResult {
  if (job.base === undefined) return { head: analyzeFile(job.path, job.source, rules, job.conventions, limits) };
  const headLines = lineStartsOf(job.source);
  const base = job.base;
  const basePath = base.path ?? job.path;
  const baseLines = lineStartsOf(base.source);
  let editable: ReturnType<typeof parseFlatEditable> | undefined;
  try {
    const baseResult = analyzeParsed(basePath, base.source, baseLines, rules, base.conventions ?? job.conventions, limits, (options) => {
      editable = parseFlatEditable(base.source, baseLines, options);
      return editable.tree;
    });
    const head = analyzeParsed(job.path, job.source, headLines, rules, job.conventions, limits, (options) =>
      editable ? editable.parseNext(job.source, headLines, options) : parseFlat(job.source, headLines, options),
    );
    return { head, base: baseResult };
  } finally {
    editable?.release();
  }
}
