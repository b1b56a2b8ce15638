import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { RULES } from '../../analyzers/index.js';
import { CATEGORIES, SEVERITIES, type Category } from '../engine/finding.js';
import type { EnabledRule } from '../engine/run.js';
import { globProblem } from './globs.js';

/** The one config schema, shared by the app (`.github/pr-reviewer.yml`) and the CLI (`--config`). */

const severity = z.enum(SEVERITIES);

const categorySetting = z.union([z.boolean(), z.strictObject({ enabled: z.boolean().optional(), severity: severity.optional() })]);

const ruleSetting = z.union([
  z.boolean(),
  z.enum(['on', 'off']),
  z.strictObject({
    enabled: z.boolean().optional(),
    severity: severity.optional(),
    options: z.record(z.string(), z.unknown()).optional(),
  }),
]);

const knownRule = z.string().refine((id) => RULES.some((r) => r.id === id || r.codes.includes(id)), {
  message: 'unknown rule (see the README rule reference)',
});

/** A glob our bounded matcher can run (src/review/globs.ts); any other is a config problem. */
const glob = z.string().superRefine((pattern, ctx) => {
  const problem = globProblem(pattern);
  if (problem) ctx.addIssue({ code: 'custom', message: `\`${pattern.slice(0, 80)}\`: ${problem}` });
});

export const ConfigSchema = z.strictObject({
  categories: z.partialRecord(z.enum(CATEGORIES), categorySetting).default({}),
  rules: z.record(knownRule, ruleSetting).default({}),
  include: z.array(glob).default(['**/*.py']),
  exclude: z.array(glob).default([]),
  /** Which findings may go inline: on added lines, on any line of the diff, or anywhere in a changed file. */
  filter: z.enum(['added', 'diff_context', 'file']).default('added'),
  /** Report only findings new in the PR, or every finding in the changed files. */
  report: z.enum(['new', 'all']).default('new'),
  max_inline_comments: z.number().int().min(0).max(1000).default(30),
  max_file_bytes: z.number().int().positive().default(1_000_000),
  drafts: z.boolean().default(false),
  command: z.string().regex(/^\S+$/, 'one word, like /review').default('/review'),
  /** The security severity that fails the check run (app) and the exit status (CLI); medium when unset. */
  fail_on: z.enum([...SEVERITIES, 'none']).optional(),
  /**
   * A `# nosec` / `# noqa` that the change itself adds to silence a security finding still fails the
   * check, unless the repository trusts its authors to suppress.
   */
  allow_author_suppressions: z.boolean().default(false),
});

export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;

export const DEFAULT_CONFIG: Config = ConfigSchema.parse({});

export interface ConfigProblem {
  /** Dotted path of the offending key, '' for the file as a whole. */
  key: string;
  message: string;
}

export interface LoadedConfig {
  config: Config;
  problems: ConfigProblem[];
}

/**
 * Validates a config. An invalid key never stops a review: it is reported and left out,
 * and the rest of the file still applies.
 */
export function validateConfig(raw: unknown): LoadedConfig {
  if (raw === undefined || raw === null) return { config: DEFAULT_CONFIG, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { config: DEFAULT_CONFIG, problems: [{ key: '', message: 'the config must be a mapping of keys to values' }] };
  }
  const first = ConfigSchema.safeParse(raw);
  if (first.success) return { config: first.data, problems: [] };
  const problems = first.error.issues.map((issue) => ({
    key: issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : ''),
    message: issue.message,
  }));
  // Drop what failed (top-level key, or the one rule/category entry) and keep the rest.
  const pruned: Record<string, unknown> = structuredClone(raw as Record<string, unknown>);
  for (const issue of first.error.issues) {
    const [top, second] = issue.path.map(String);
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) for (const k of issue.keys) delete pruned[k];
    else if ((top === 'rules' || top === 'categories') && second !== undefined && isRecord(pruned[top])) delete pruned[top][second];
    else if (top !== undefined) delete pruned[top];
  }
  const second = ConfigSchema.safeParse(pruned);
  return { config: second.success ? second.data : DEFAULT_CONFIG, problems };
}

/** Aliases a config may use (YAML's own default is 100): enough for shared lists, too few to expand a "billion laughs". */
export const MAX_YAML_ALIASES = 50;

/**
 * A config file's YAML as plain data, or why it cannot be one. A recursive alias (`a: &x [*x]`)
 * makes a cyclic value that would send the merge and the schema into endless recursion: it is a
 * problem of the file, reported like invalid YAML, never a dead job.
 */
export function readConfigYaml(text: string, source: string): { raw: unknown } | { problem: ConfigProblem } {
  let raw: unknown;
  try {
    raw = parseYaml(text, { maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { problem: { key: '', message: `${source} is not valid YAML: ${reason}` } };
  }
  if (isCyclic(raw)) return { problem: { key: '', message: `${source} uses a recursive alias (an anchor inside itself); the file is ignored` } };
  return { raw };
}

function isCyclic(value: unknown, ancestors: Set<object> = new Set()): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (ancestors.has(value)) return true;
  ancestors.add(value);
  const children = value instanceof Map ? [...value.values()] : Object.values(value);
  const cyclic = children.some((child) => isCyclic(child, ancestors));
  ancestors.delete(value);
  return cyclic;
}

export function parseConfigYaml(text: string, source: string): LoadedConfig {
  const read = readConfigYaml(text, source);
  if ('problem' in read) return { config: DEFAULT_CONFIG, problems: [read.problem] };
  const raw = read.raw;
  const loaded = validateConfig(raw);
  return { config: loaded.config, problems: loaded.problems.map((p) => ({ ...p, message: `${source}: ${p.message}` })) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Org defaults, then the repo's keys over them, key by key; arrays replace, they do not concatenate. */
export function mergeConfig(base: unknown, override: unknown): unknown {
  if (!isRecord(base) || !isRecord(override)) return override === undefined ? base : override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) out[key] = key in base ? mergeConfig(base[key], value) : value;
  return out;
}

/** The rules the config turns on, with their options and any severity override. */
export function enabledRules(config: Config): EnabledRule[] {
  const out: EnabledRule[] = [];
  for (const rule of RULES) {
    const category = config.categories[rule.category as Category];
    const categoryOn = category === undefined || category === true || (typeof category === 'object' && category.enabled !== false);
    const setting = config.rules[rule.id] ?? rule.codes.map((c) => config.rules[c]).find((s) => s !== undefined);
    let on = categoryOn && !rule.optIn;
    if (setting === true || setting === 'on') on = true;
    else if (setting === false || setting === 'off') on = false;
    else if (typeof setting === 'object') on = setting.enabled ?? true;
    if (!categoryOn && !(typeof setting === 'object' || setting === true || setting === 'on')) on = false;
    if (!on) continue;
    const severity = (typeof setting === 'object' ? setting.severity : undefined) ?? (typeof category === 'object' ? category.severity : undefined);
    out.push({
      rule,
      options: { ...rule.options, ...(typeof setting === 'object' ? setting.options : {}) },
      ...(severity ? { severity } : {}),
    });
  }
  return out;
}
