import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Fix } from '../../src/engine/finding.js';
import type { Rule, RuleContext } from '../../src/engine/rule.js';
import { argument, positionalArguments, keywordArgument, quotable } from './arguments.js';
import { calleeText, resolvedCalls } from './call-target.js';
import { positionOf } from '../../src/engine/run.js';

const SAFE_LOADERS = /(?:^|\.)(?:Safe|CSafe|Base|CBase)Loader$/;
const UNSAFE = new Set(['load', 'load_all', 'unsafe_load', 'unsafe_load_all', 'full_load', 'full_load_all']);

/** `yaml.load` → `yaml.safe_load` when the call passes no loader: same data, no objects. */
function safeLoadFix(ctx: RuleContext, fn: SyntaxNode, name: string): Fix | undefined {
  if (name !== 'load' && name !== 'load_all') return undefined;
  const attr = fn.type === 'attribute' ? fn.childForFieldName('attribute') : null;
  if (!attr) return undefined;
  const from = positionOf(ctx.file, attr.startIndex);
  const to = positionOf(ctx.file, attr.endIndex);
  return {
    description: `Use yaml.safe_${name}`,
    edits: [{ line: from.line, column: from.column, endLine: to.line, endColumn: to.column, newText: `safe_${name}` }],
  };
}

// PyYAML's own loaders that build objects: `safe_load` gives the same plain data without them.
const OBJECT_LOADERS = /(?:^|\.)C?(?:Full|Unsafe)?Loader$/;

/**
 * `yaml.load(stream)` → `yaml.safe_load(stream)` in the call's words; none for a loader of the
 * code's own, whose constructors the code may need (it should derive from `SafeLoader`).
 */
function safeLoadText(ctx: RuleContext, node: SyntaxNode, name: string, loader: SyntaxNode | undefined, ruamel: boolean): string | undefined {
  const stream = quotable(argument(node, 0, 'stream')?.text);
  if (ruamel) return `Load with \`YAML(typ="safe").load(${stream ?? 'stream'})\` from \`ruamel.yaml\`.`;
  if (loader && !OBJECT_LOADERS.test(loader.text.replace(/\s+/g, ''))) return undefined;
  const safe = name.endsWith('_all') ? 'safe_load_all' : 'safe_load';
  const callee = calleeText(ctx, node);
  const replacement = callee.includes('.') ? callee.replace(/\w+$/, safe) : `yaml.${safe}`;
  const call = stream !== undefined ? `\`${replacement}(${stream})\`` : `\`${replacement}\`${loader ? ' without the loader' : ''}`;
  return `Use ${call}: it builds only plain data (dicts, lists, strings, numbers).`;
}

// Callee names this rule can be about: other calls are never resolved.
const CALLEES = new Set<string>([...UNSAFE]);

// Necessary text: a file without it has nothing for this rule, and its calls need not be read.
const FILE_HINT = /yaml/;

/** yaml.load / load_all without a safe Loader. */
export const unsafeYamlLoad: Rule = {
  id: 'unsafe-yaml-load',
  category: 'security',
  title: 'yaml.load without a safe loader',
  severity: 'medium',
  confidence: 'high',
  cwe: 502,
  codes: ['B506', 'S506'],
  doc: {
    what: '`yaml.load`, `yaml.load_all`, `yaml.unsafe_load` or `yaml.full_load` without `SafeLoader`.',
    why: "PyYAML's full and unsafe loaders build Python objects named by tags in the document (`!!python/object/apply`), so a crafted document runs code.",
    example: 'config = yaml.load(stream)',
    useInstead: 'config = yaml.safe_load(stream)',
    fix: 'Use `yaml.safe_load(stream)` (or `yaml.load(stream, Loader=yaml.SafeLoader)`).',
  },
  create(ctx) {
    return resolvedCalls(ctx, FILE_HINT, CALLEES, (node, q) => {
      if (!q.startsWith('yaml.') && !q.startsWith('ruamel.yaml.')) return;
      const name = q.slice(q.lastIndexOf('.') + 1);
      if (!UNSAFE.has(name)) return;
      const loader = keywordArgument(node, 'Loader') ?? (name.startsWith('load') ? positionalArguments(node)[1] : undefined);
      if (loader && SAFE_LOADERS.test(loader.text)) return;
      const ruamel = q.startsWith('ruamel.');
      // ruamel.yaml's safe loader is `YAML(typ="safe")`, not a function to rename to.
      const fix = loader || ruamel ? undefined : safeLoadFix(ctx, node.childForFieldName('function')!, name);
      const suggestion = safeLoadText(ctx, node, name, loader, ruamel);
      ctx.report({
        node,
        message: `\`${q}\` can build arbitrary Python objects from the document; ${ruamel ? 'load with `YAML(typ="safe").load`' : `use \`yaml.safe_${name.endsWith('_all') ? 'load_all' : 'load'}\``}.`,
        subject: q,
        ...(fix ? { fix } : {}),
        ...(suggestion ? { suggestion } : {}),
      });
    });
  },
};
