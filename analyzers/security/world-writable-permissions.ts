import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Rule } from '../../src/engine/rule.js';
import { argument } from './arguments.js';
import { namedCalls } from './call-target.js';

const S_IWOTH = 0o002;
const STAT_BITS: Record<string, number> = {
  S_IRWXO: 0o007,
  S_IWOTH: 0o002,
  S_IROTH: 0o004,
  S_IXOTH: 0o001,
  S_IRWXG: 0o070,
  S_IWGRP: 0o020,
  S_IRGRP: 0o040,
  S_IXGRP: 0o010,
  S_IRWXU: 0o700,
  S_IWUSR: 0o200,
  S_IRUSR: 0o400,
  S_IXUSR: 0o100,
  S_ISUID: 0o4000,
  S_ISGID: 0o2000,
  S_ISVTX: 0o1000,
};

/** The value of a constant mode: `0o777`, `511`, `stat.S_IRWXU | stat.S_IWOTH`; undefined otherwise. */
function modeValue(node: SyntaxNode | undefined): number | undefined {
  if (!node) return undefined;
  if (node.type === 'integer') {
    const t = node.text.replace(/_/g, '').toLowerCase();
    const n = t.startsWith('0o')
      ? parseInt(t.slice(2), 8)
      : t.startsWith('0x')
        ? parseInt(t.slice(2), 16)
        : t.startsWith('0b')
          ? parseInt(t.slice(2), 2)
          : Number(t);
    return Number.isFinite(n) ? n : undefined;
  }
  if (node.type === 'attribute' || node.type === 'identifier') return STAT_BITS[node.text.split('.').at(-1)!];
  if (node.type === 'parenthesized_expression') return modeValue(node.namedChild(0) ?? undefined);
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.type === '|') {
    const l = modeValue(node.childForFieldName('left') ?? undefined);
    const r = modeValue(node.childForFieldName('right') ?? undefined);
    return l === undefined || r === undefined ? undefined : l | r;
  }
  return undefined;
}

// Callee names this rule can be about: other calls are never resolved.
const CALLEES = new Set<string>(['chmod', 'fchmod', 'lchmod']);

// Necessary text: a file without it has nothing for this rule, and its calls need not be read.
const FILE_HINT = /chmod/;

/** chmod to a mode any user on the machine can write. */
export const worldWritablePermissions: Rule = {
  id: 'world-writable-permissions',
  category: 'security',
  title: 'World-writable file permissions',
  severity: 'high',
  confidence: 'high',
  cwe: 732,
  codes: ['B103', 'S103'],
  doc: {
    what: '`os.chmod` (or `Path.chmod`, `os.fchmod`, `os.lchmod`) with a mode that lets any user write (`o+w`, as in `0o777` or `0o666`).',
    why: 'Any local user or compromised service can then replace the file: a script, config or library that this program later trusts.',
    example: 'os.chmod(path, 0o777)',
    useInstead: 'os.chmod(path, 0o750)',
    fix: 'Grant only what the owner (and maybe the group) needs: `os.chmod(path, 0o750)` or `0o640`.',
  },
  create(ctx) {
    return namedCalls(ctx, FILE_HINT, CALLEES, (node, target) => {
      if (!/chmod$/.test(target.name)) return;
      const isOs = target.qualifiedName !== undefined && /^os\.(?:chmod|fchmod|lchmod)$/.test(target.qualifiedName);
      const mode = modeValue(isOs ? argument(node, 1, 'mode') : ((argument(node, 0, 'mode') && argument(node, 1, 'mode')) ?? argument(node, 0, 'mode')));
      if (mode === undefined || (mode & S_IWOTH) === 0) return;
      ctx.report({
        node,
        message: `Mode 0o${mode.toString(8)} makes the file writable by every user; drop the "other" write bit.`,
        subject: `0o${mode.toString(8)}`,
      });
    });
  },
};
