import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { RULES } from '../../analyzers/index.js';
import { CATEGORIES, SEVERITIES, type Category } from '../engine/finding.js';
import type { EnabledRule } from '../engine/run.js';
import { optionDocs } from '../engine/rule-options.js';
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
  message: 'unknown rule (see docs/rules/)',
});

/** A glob our bounded matcher can run (src/review/globs.ts); any other is a config problem. */
const glob = z.string().superRefine((pattern, ctx) => {
  const problem = globProblem(pattern);
  if (problem) ctx.addIssue({ code: 'custom', message: `\`${pattern.slice(0, 80)}\`: ${problem}` });
});

/** 'conventional' follows the repository's lint settings and habits; 'strict' reports everything, as Ruff with every rule on. */
const profile = z.enum(['strict', 'conventional']);

/** Settings for the files that match `files` (and not `exclude`), over the top-level ones: ESLint's `overrides`. */
const override = z.strictObject({
  files: z.array(glob.pipe(z.string().min(1))).min(1),
  exclude: z.array(glob.pipe(z.string().min(1))).optional(),
  profile: profile.optional(),
  categories: z.partialRecord(z.enum(CATEGORIES), categorySetting).optional(),
  rules: z.record(knownRule, ruleSetting).optional(),
});

export const ConfigSchema = z.strictObject({
  profile: profile.default('conventional'),
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
  /** Per-path settings, applied in order over the top-level ones (a later match wins). */
  overrides: z.array(override).default([]),
  /**
   * What the analysis may spend: each version of a file its own time and findings, the review a
   * total. A file over a budget is reported as not fully reviewed. The app keeps its own ceilings.
   */
  budgets: z
    .strictObject({
      file_seconds: z.number().positive().optional(),
      file_findings: z.number().int().positive().optional(),
      review_seconds: z.number().positive().optional(),
      review_findings: z.number().int().positive().optional(),
    })
    .default({}),
});

export type ConfigOverride = z.infer<typeof override>;

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
  if (first.success) return checkRuleOptions(first.data, []);
  const problems = first.error.issues.map((issue) => ({
    key: issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : ''),
    message: issue.message,
  }));
  // Drop what failed (top-level key, the one rule/category entry, or the one override) and keep the rest.
  const pruned: Record<string, unknown> = structuredClone(raw as Record<string, unknown>);
  const badOverrides = new Set<unknown>();
  for (const issue of first.error.issues) {
    const [top, second, third, fourth] = issue.path.map(String);
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) for (const k of issue.keys) delete pruned[k];
    else if ((top === 'rules' || top === 'categories') && second !== undefined && isRecord(pruned[top])) delete pruned[top][second];
    else if (top === 'overrides' && second !== undefined && Array.isArray(pruned.overrides)) {
      const entry: unknown = pruned.overrides[Number(second)];
      if ((third === 'rules' || third === 'categories') && fourth !== undefined && isRecord(entry) && isRecord(entry[third])) delete entry[third][fourth];
      else badOverrides.add(entry);
    } else if (top !== undefined) delete pruned[top];
  }
  if (Array.isArray(pruned.overrides)) pruned.overrides = pruned.overrides.filter((o) => !badOverrides.has(o));
  const second = ConfigSchema.safeParse(pruned);
  return second.success ? checkRuleOptions(second.data, problems) : { config: DEFAULT_CONFIG, problems };
}

/**
 * Checks `rules.<id>.options` (top level and in each override) against each rule's own schema: a
 * misspelt key or a wrong value is a named problem (`rules.complex-function.options.maxComplexty`),
 * and is left out.
 */
function checkRuleOptions(config: Config, problems: ConfigProblem[]): LoadedConfig {
  checkOptionsOf(config.rules, 'rules', problems);
  config.overrides.forEach((o, i) => o.rules && checkOptionsOf(o.rules, `overrides.${i}.rules`, problems));
  return { config, problems };
}

function checkOptionsOf(rules: Config['rules'], path: string, problems: ConfigProblem[]): void {
  for (const [key, setting] of Object.entries(rules)) {
    if (typeof setting !== 'object' || setting.options === undefined) continue;
    const rule = RULES.find((r) => r.id === key || r.codes.includes(key))!;
    const at = `${path}.${key}.options`;
    if (!rule.optionsSchema) {
      problems.push({ key: at, message: `${rule.id} has no options` });
      delete setting.options;
      continue;
    }
    const options: Record<string, unknown> = { ...setting.options };
    const checked = rule.optionsSchema.safeParse(options);
    if (checked.success) continue;
    const docs = optionDocs(rule);
    for (const issue of checked.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const name of issue.keys) {
          problems.push({ key: `${at}.${name}`, message: `${rule.id} has no option '${name}' (its options: ${docs.map((d) => d.name).join(', ')})` });
          delete options[name];
        }
      } else {
        const name = String(issue.path[0] ?? '');
        const doc = docs.find((d) => d.name === name);
        const message = doc ? `option '${name}' of ${rule.id} expects ${doc.accepts}; got ${JSON.stringify(options[name])}` : `${rule.id}: ${issue.message}`;
        problems.push({ key: name ? `${at}.${name}` : at, message });
        if (name) delete options[name];
      }
    }
    // What remains fits, or the rule runs with its defaults.
    setting.options = rule.optionsSchema.safeParse(options).success ? options : {};
  }
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

/** The part of a config that `overrides` can change for a path. */
export type PathSettings = Pick<Config, 'profile' | 'categories' | 'rules'>;

const overrideMatchers = new WeakMap<ConfigOverride, (path: string) => boolean>();

function overrideMatches(o: ConfigOverride, path: string): boolean {
  let match = overrideMatchers.get(o);
  if (!match) {
    const included = globMatcher(o.files);
    const excluded = o.exclude?.length ? globMatcher(o.exclude) : () => false;
    match = (p) => included(p) && !excluded(p);
    overrideMatchers.set(o, match);
  }
  return match(path);
}

/** As ESLint's overrides: a pattern with a slash matches the path from the root, one without matches the file name anywhere. */
function globMatcher(patterns: readonly string[]): (path: string) => boolean {
  const byPath = patterns.filter((p) => p.includes('/'));
  const byName = patterns.filter((p) => !p.includes('/'));
  const path = byPath.length ? picomatch(byPath, { dot: true }) : () => false;
  const name = byName.length ? picomatch(byName, { dot: true }) : () => false;
  return (p) => path(p) || name(p.slice(p.lastIndexOf('/') + 1));
}

/** The overrides whose globs match a path (relative to the repository root), in order. */
export function overridesFor(config: Config, path: string): ConfigOverride[] {
  return config.overrides.filter((o) => overrideMatches(o, path));
}

/**
 * The config as it applies to one file (a path relative to the repository root): every override
 * whose globs match it, in order, merged over the top-level keys (rules and categories key by key).
 */
export function configForPath(config: Config, path: string): Config {
  let settings: PathSettings = { profile: config.profile, categories: config.categories, rules: config.rules };
  for (const o of overridesFor(config, path)) {
    settings = {
      profile: o.profile ?? settings.profile,
      categories: o.categories ? (mergeConfig(settings.categories, o.categories) as Config['categories']) : settings.categories,
      rules: o.rules ? (mergeConfig(settings.rules, o.rules) as Config['rules']) : settings.rules,
    };
  }
  return settings.profile === config.profile && settings.categories === config.categories && settings.rules === config.rules
    ? config
    : { ...config, ...settings };
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
      // The engine parses them with the rule's schema, which fills in the defaults.
      options: (typeof setting === 'object' ? setting.options : undefined) ?? {},
      ...(severity ? { severity } : {}),
    });
  }
  return out;
}
