import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { RULES } from '../../analyzers/index.js';
import { CATEGORIES, SEVERITIES, type Category } from '../engine/finding.js';
import type { EnabledRule } from '../engine/run.js';
import { optionDocs } from '../engine/rule-options.js';

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

export const ConfigSchema = z.strictObject({
  categories: z.partialRecord(z.enum(CATEGORIES), categorySetting).default({}),
  rules: z.record(knownRule, ruleSetting).default({}),
  include: z.array(z.string()).default(['**/*.py']),
  exclude: z.array(z.string()).default([]),
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
  if (first.success) return checkRuleOptions(first.data, []);
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
  return second.success ? checkRuleOptions(second.data, problems) : { config: DEFAULT_CONFIG, problems };
}

/**
 * Checks `rules.<id>.options` against each rule's own schema: a misspelt key or a wrong value is
 * a named problem (`rules.complex-function.options.maxComplexty`), and is left out.
 */
function checkRuleOptions(config: Config, problems: ConfigProblem[]): LoadedConfig {
  for (const [key, setting] of Object.entries(config.rules)) {
    if (typeof setting !== 'object' || setting.options === undefined) continue;
    const rule = RULES.find((r) => r.id === key || r.codes.includes(key))!;
    const at = `rules.${key}.options`;
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
  return { config, problems };
}

/**
 * A config file's YAML, read the one way for the app and the CLI: its mapping of keys, or the
 * problem that keeps it from being one. An empty file is no config (`raw` undefined, no problem).
 */
export function readConfigYaml(text: string, source: string): { raw: Record<string, unknown> | undefined; problems: ConfigProblem[] } {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { raw: undefined, problems: [{ key: '', message: `${source} is not valid YAML: ${reason}` }] };
  }
  if (raw === null || raw === undefined) return { raw: undefined, problems: [] };
  if (!isRecord(raw)) return { raw: undefined, problems: [{ key: '', message: `${source}: the config must be a mapping of keys to values` }] };
  return { raw, problems: [] };
}

export function parseConfigYaml(text: string, source: string): LoadedConfig {
  const { raw, problems } = readConfigYaml(text, source);
  if (problems.length) return { config: DEFAULT_CONFIG, problems };
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
      // The engine parses them with the rule's schema, which fills in the defaults.
      options: (typeof setting === 'object' ? setting.options : undefined) ?? {},
      ...(severity ? { severity } : {}),
    });
  }
  return out;
}
