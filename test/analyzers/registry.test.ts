import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RULES } from '../../analyzers/index.js';
import { CATEGORIES } from '../../src/engine/finding.js';
import type { Rule } from '../../src/engine/rule.js';
import { optionDocs, ruleOptions } from '../../src/engine/rule-options.js';
import { analyzeFile } from '../../src/engine/run.js';
import { renderRuleDocs } from '../../src/review/render/rule-docs.js';

/**
 * The rule files checked as ESLint checks its own (`checkRuleFiles`, `check-rule-examples`): each
 * rule is one file named for its id, in its category's folder and index, registered, tested in a
 * file of the same name, documented with an example the rule flags and a "use instead" it does
 * not, and its options declared in a schema. A new rule that misses any of these fails here.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));

interface RuleFile {
  path: string;
  rules: Rule[];
}

const isRule = (value: unknown): value is Rule =>
  typeof value === 'object' && value !== null && 'id' in value && 'doc' in value && typeof (value as Rule).create === 'function';

/** Every module of a category folder, and of the engine, with the rules it exports. */
async function ruleFiles(): Promise<RuleFile[]> {
  const analyzers = readdirSync(join(root, 'analyzers'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'python')
    .flatMap((e) => readdirSync(join(root, 'analyzers', e.name)).map((f) => join('analyzers', e.name, f)));
  const engine = readdirSync(join(root, 'src/engine')).map((f) => join('src/engine', f));
  const modules = [...analyzers, ...engine].filter((p) => p.endsWith('.ts') && basename(p) !== 'index.ts');
  const files = await Promise.all(
    modules.map(async (path) => ({ path, rules: Object.values((await import(pathToFileURL(join(root, path)).href)) as object).filter(isRule) })),
  );
  return files.filter((f) => f.rules.length > 0);
}

const files = await ruleFiles();
const fileOf = (rule: Rule) => files.find((f) => f.rules.includes(rule));

/** The example as the whole tool reviews it, with the rule's example options. */
function review(rule: Rule, code: string) {
  const result = analyzeFile(
    'example.py',
    code,
    RULES.map((r) => ({ rule: r, options: r === rule ? (rule.doc.exampleOptions ?? {}) : {} })),
  );
  return { own: result.findings.filter((f) => f.rule === rule.id), failures: result.notes.filter((n) => n.kind === 'analyzer-failed') };
}

describe('rule files', () => {
  test('every rule comes from a rule file, and every rule file is registered', () => {
    expect(RULES.filter((r) => !fileOf(r)).map((r) => r.id)).toEqual([]);
    const unregistered = files.flatMap((f) => f.rules.filter((r) => !RULES.includes(r)).map((r) => `${f.path}: ${r.id}`));
    expect(unregistered).toEqual([]);
  });

  test('ids are unique, and so are the other tools’ codes', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const codes = RULES.flatMap((r) => r.codes);
    expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([]);
  });

  test.each(RULES.map((r) => [r.id, r] as const))('%s: one rule per file, named for its id, in its category folder and index', async (id, rule) => {
    const file = fileOf(rule)!;
    expect(file.rules).toEqual([rule]);
    expect(basename(file.path, '.ts')).toBe(id);
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(CATEGORIES).toContain(rule.category);
    if (file.path.startsWith('analyzers')) {
      expect(basename(dirname(file.path))).toBe(rule.category);
      const index = (await import(pathToFileURL(join(root, dirname(file.path), 'index.ts')).href)) as { rules: Rule[] };
      expect(index.rules).toContain(rule);
    }
  });

  test.each(RULES.map((r) => [r.id, r] as const))('%s: has a test file of the same name', (_id, rule) => {
    // analyzers/<category>/<id>.ts → test/analyzers/<category>/<id>.test.ts; src/engine/<id>.ts → test/engine/<id>.test.ts
    const test = fileOf(rule)!
      .path.replace(/^src\//, '')
      .replace(/\.ts$/, '.test.ts');
    expect(existsSync(join(root, 'test', test)) ? test : `missing: test/${test}`).toBe(test);
  });
});

describe('rule docs', () => {
  test.each(RULES.map((r) => [r.id, r] as const))('%s: says what, why and how to fix, with an example and what to write instead', (_id, rule) => {
    for (const part of [rule.title, rule.doc.what, rule.doc.why, rule.doc.fix, rule.doc.example]) expect(part.trim()).not.toBe('');
    expect(rule.doc.useInstead?.trim()).toBeTruthy();
    expect(rule.doc.useInstead).not.toBe(rule.doc.example);
  });

  test.each(RULES.map((r) => [r.id, r] as const))('%s: the example is flagged by the rule itself, its "use instead" is not', (_id, rule) => {
    const example = review(rule, rule.doc.example);
    expect(example.failures).toEqual([]);
    expect(example.own.length).toBeGreaterThan(0);
    const instead = review(rule, rule.doc.useInstead ?? '');
    expect(instead.failures).toEqual([]);
    expect(instead.own.map((f) => `${f.line}: ${f.message}`)).toEqual([]);
  });

  test('docs/rules/ is what `npm run docs:rules` generates from the rules (no page missing, stale or left over)', () => {
    const wanted = renderRuleDocs(RULES);
    const dir = join(root, 'docs/rules');
    const present = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')) : [];
    expect(present.sort()).toEqual([...wanted.keys()].sort());
    const stale = [...wanted].filter(([file, text]) => readFileSync(join(dir, file), 'utf8') !== text).map(([file]) => file);
    expect(stale).toEqual([]);
  });
});

describe('rule options', () => {
  test.each(RULES.map((r) => [r.id, r] as const))(
    '%s: a rule that reads options declares them in a strict schema, each with a default and a meaning',
    (_id, rule) => {
      const source = readFileSync(join(root, fileOf(rule)!.path), 'utf8');
      const readsOptions = /\b(ctx|context)\.options\b/.test(source);
      expect(rule.optionsSchema !== undefined).toBe(readsOptions);
      if (!rule.optionsSchema) {
        expect(rule.doc.exampleOptions).toBeUndefined();
        return;
      }
      // Every option has a default: the rule runs with an empty `options`.
      expect(() => ruleOptions(rule, {})).not.toThrow();
      expect(rule.optionsSchema.safeParse({ notAnOption: 1 }).success).toBe(false);
      const docs = optionDocs(rule);
      expect(docs.length).toBeGreaterThan(0);
      for (const option of docs)
        expect({ name: option.name, described: option.description.length > 10, hasDefault: option.default !== undefined }).toEqual({
          name: option.name,
          described: true,
          hasDefault: true,
        });
      if (rule.doc.exampleOptions) expect(rule.optionsSchema.safeParse(rule.doc.exampleOptions).success).toBe(true);
    },
  );
});
