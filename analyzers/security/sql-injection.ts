import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Rule } from '../../src/engine/rule.js';
import { argument, keywordArgument } from './arguments.js';
import { callTarget, importsModule } from './call-target.js';
import { assignedValue, provenance, visibleBinding } from './provenance.js';

const EXECUTE = new Set(['execute', 'executemany', 'executescript', 'raw', 'read_sql', 'read_sql_query', 'exec_driver_sql']);
const TEXT = new Set(['sqlalchemy.text', 'sqlalchemy.sql.text', 'sqlalchemy.sql.expression.text']);
const SQL =
  /\b(?:select\s[\s\S]*\bfrom|delete\s+from|insert\s+into|update\s[\s\S]*\bset|create\s+(?:table|index|view)|drop\s+(?:table|index|view)|alter\s+table|where|pragma|order\s+by|values\s*\()\b/i;

/** The query expression of a call that runs SQL, with the Bandit code for it. */
function querySink(ctx: Parameters<Rule['create']>[0], node: SyntaxNode): { query: SyntaxNode | undefined; code: string } | undefined {
  const target = callTarget(ctx, node);
  if (target.qualifiedName && TEXT.has(target.qualifiedName)) return { query: argument(node, 0, 'text'), code: 'B608' };
  if (target.name === 'RawSQL') return importsModule(ctx, 'django') ? { query: argument(node, 0, 'sql'), code: 'B611' } : undefined;
  if (!target.method) return undefined;
  if (EXECUTE.has(target.name))
    return {
      query: argument(node, 0, 'sql') ?? keywordArgument(node, 'query') ?? keywordArgument(node, 'operation') ?? keywordArgument(node, 'statement'),
      code: 'B608',
    };
  if (target.name === 'extra')
    return { query: keywordArgument(node, 'where') ?? keywordArgument(node, 'tables') ?? keywordArgument(node, 'select') ?? argument(node, 1), code: 'B610' };
  return undefined;
}

/** The SQL text a query expression shows: its own text and that of the assignments it names. */
function shownText(ctx: Parameters<Rule['create']>[0], query: SyntaxNode): string {
  let text = query.text;
  // Follow `q = "..."; q += "..." % x; cursor.execute(q)` a few steps back.
  const names: SyntaxNode[] = [];
  const nameIn = (node: SyntaxNode): void => {
    const name = node.type === 'identifier' ? node : node.type === 'binary_operator' ? node.childForFieldName('left') : null;
    if (name?.type === 'identifier') names.push(name);
  };
  nameIn(query);
  for (let i = 0; i < 6 && names.length; i++) {
    const name = names.shift()!;
    const binding = visibleBinding(ctx, name);
    const value = assignedValue(ctx, name);
    if (!binding || !value) continue;
    text += ` ${value.text}`;
    nameIn(value);
    if (binding.kind === 'augmented') names.push(binding.node);
  }
  return text;
}

// Necessary text: a file without it has nothing for this rule, and its calls need not be read.
const FILE_HINT = /\.\s*(?:execute|executemany|executescript|raw|extra|read_sql\w*|exec_driver_sql)\s*\(|RawSQL|sqlalchemy/;

/** SQL built by %, .format, f-strings or + and handed to execute/raw/extra/text(). */
export const sqlInjection: Rule = {
  id: 'sql-injection',
  category: 'security',
  title: 'SQL built from strings',
  severity: 'medium',
  confidence: 'medium',
  cwe: 89,
  codes: ['B608', 'B610', 'B611', 'S608', 'S610', 'S611'],
  partialCodes: ['B608', 'S608'],
  doc: {
    what: 'A query built with `%`, `.format`, an f-string or `+` and passed to `execute`, `executemany`, `executescript`, `raw`, `extra`, `RawSQL` or SQLAlchemy `text()`.',
    why: 'Values spliced into SQL text can close the quote and add their own SQL: reading, changing or deleting any data the connection can reach.',
    example: 'cursor.execute("SELECT * FROM users WHERE name = \'%s\'" % name)',
    useInstead: 'cursor.execute("SELECT * FROM users WHERE name = %s", (name,))',
    fix: 'Pass values as parameters and let the driver quote them: `cursor.execute("SELECT * FROM users WHERE name = %s", (name,))`.',
  },
  create(ctx) {
    if (!FILE_HINT.test(ctx.file.source)) return {};
    return {
      call(node) {
        const sink = querySink(ctx, node);
        if (!sink?.query) return;
        const facts = provenance(ctx, sink.query);
        // extra(where=…) and RawSQL take SQL by definition; execute() must be shown SQL text.
        if (!facts.formatted || (sink.code === 'B608' && !SQL.test(shownText(ctx, sink.query)))) return;
        ctx.report({
          node,
          message: `SQL built by string formatting is passed to \`${callTarget(ctx, node).name}\`${facts.tainted ? ' with a parameter or request value spliced in' : ''}; pass the values as query parameters.`,
          subject: callTarget(ctx, node).name,
          code: sink.code,
          severity: facts.tainted ? 'high' : 'medium',
          confidence: facts.tainted ? 'high' : 'medium',
        });
      },
    };
  },
};
