import type { Rule } from '../../src/engine/rule.js';
import { stringValue } from './arguments.js';
import { callTarget } from './call-target.js';

const MKTEMP = new Set(['tempfile.mktemp', 'os.tempnam', 'os.tmpnam']);
const SHARED_TMP = /^(?:\/tmp|\/var\/tmp|\/dev\/shm)(?:\/|$)/;
// Where a literal is used as a path rather than, say, compared or documented.
const PATH_USES = new Set(['argument_list', 'keyword_argument', 'assignment', 'default_parameter', 'typed_default_parameter']);

const STRING_METHODS = /\.(?:startswith|endswith|find|rfind|index|rindex|count|replace|split|rsplit|partition|strip|lstrip|rstrip|removeprefix|removesuffix)$/;

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
    fix: 'Create the file atomically: `tempfile.NamedTemporaryFile()`, `tempfile.mkstemp()` or `tempfile.mkdtemp()`.',
  },
  create(ctx) {
    return {
      call(node) {
        const q = callTarget(ctx, node).qualifiedName;
        if (q && MKTEMP.has(q)) ctx.report({ node, message: `\`${q}\` returns a name that another process can claim before you create the file; use mkstemp or NamedTemporaryFile.`, subject: q, code: q === 'tempfile.mktemp' ? 'B306' : 'B325' });
      },
      string(node) {
        const text = node.text;
        if (!/^[rbuRBU]*["']\/(?:tmp|var\/tmp|dev\/shm)\b/.test(text) || ctx.file.isTestFile) return;
        const value = stringValue(node);
        const parent = node.parent;
        if (value === undefined || !SHARED_TMP.test(value) || !parent || !PATH_USES.has(parent.type)) return;
        // `path.startswith("/tmp/")` inspects a path; it does not use one.
        if (parent.type === 'argument_list' && STRING_METHODS.test(parent.parent?.childForFieldName('function')?.text ?? '')) return;
        ctx.report({ node, message: `Hard-coded path \`${value}\` in a shared temporary directory; use the tempfile module.`, subject: value, code: 'B108', confidence: 'medium' });
      },
    };
  },
};
