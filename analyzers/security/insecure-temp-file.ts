import type { Rule } from '../../src/engine/rule.js';
import type { SyntaxNode } from '../../src/engine/syntax.js';
import { stringValue, textOf } from './arguments.js';
import { argumentsText, callTarget } from './call-target.js';

const MKTEMP = new Set(['tempfile.mktemp', 'os.tempnam', 'os.tmpnam']);
const SHARED_TMP = /^(?:\/tmp|\/var\/tmp|\/dev\/shm)(?:\/|$)/;
const MENTIONS_TMP = /["'](?:\/tmp|\/var\/tmp|\/dev\/shm)\b/;

const STRING_METHODS = /^(?:startswith|endswith|find|rfind|index|rindex|count|replace|split|rsplit|partition|strip|lstrip|rstrip|removeprefix|removesuffix)$/;

function sharedTmpPath(node: SyntaxNode | null | undefined): string | undefined {
  if (node?.type !== 'string') return undefined;
  const value = stringValue(node);
  return value !== undefined && SHARED_TMP.test(value) ? value : undefined;
}

// Necessary text: a file without it has nothing for this rule, and its calls need not be read.
const FILE_HINT = /mktemp|tempnam|tmpnam|["'](?:\/tmp|\/var\/tmp|\/dev\/shm)\b/;

/** tempfile.mktemp (race-prone names) and hard-coded paths in shared temporary directories. */
export const insecureTempFile: Rule = {
  id: 'insecure-temp-file',
  category: 'security',
  title: 'Insecure temporary file',
  severity: 'medium',
  confidence: 'high',
  cwe: 377,
  codes: ['B306', 'B108', 'B325', 'S306', 'S108'],
  doc: {
    what: '`tempfile.mktemp` (and `os.tempnam`), and hard-coded file paths under `/tmp`, `/var/tmp` or `/dev/shm`.',
    why: 'The name is chosen before the file is created, and shared temp directories are writable by every user: another process can create or link the file first and read or redirect what is written.',
    example: 'path = tempfile.mktemp()',
    useInstead: 'fd, path = tempfile.mkstemp()',
    fix: 'Create the file atomically: `tempfile.NamedTemporaryFile()`, `tempfile.mkstemp()` or `tempfile.mkdtemp()`.',
  },
  create(ctx) {
    if (!FILE_HINT.test(ctx.file.source)) return {};
    const reportPath = (node: SyntaxNode | null | undefined): void => {
      const value = sharedTmpPath(node);
      if (value)
        ctx.report({
          node: node!,
          message: `Hard-coded path \`${value}\` in a shared temporary directory; use the tempfile module.`,
          subject: value,
          code: 'B108',
          confidence: 'medium',
        });
    };
    return {
      call(node) {
        const target = callTarget(ctx, node);
        const q = target.qualifiedName;
        if (q && MKTEMP.has(q)) {
          ctx.report({
            node,
            message: `\`${q}\` returns a name that another process can claim before you create the file; use mkstemp or NamedTemporaryFile.`,
            subject: q,
            code: q === 'tempfile.mktemp' ? 'B306' : 'B325',
          });
          return;
        }
        // A literal path passed to a call; `path.startswith("/tmp/")` inspects a path, it does not use one.
        if (ctx.file.isTestFile || !MENTIONS_TMP.test(argumentsText(ctx, node)) || STRING_METHODS.test(target.name)) return;
        for (const arg of node.childForFieldName('arguments')?.namedChildren ?? [])
          reportPath(arg.type === 'keyword_argument' ? arg.childForFieldName('value') : arg);
      },
      assignment(node) {
        if (ctx.file.isTestFile || !MENTIONS_TMP.test(textOf(node))) return;
        reportPath(node.childForFieldName('right'));
      },
      default_parameter(node) {
        if (ctx.file.isTestFile || !MENTIONS_TMP.test(textOf(node))) return;
        reportPath(node.childForFieldName('value'));
      },
    };
  },
};
