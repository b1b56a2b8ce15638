import type { Rule } from '../../src/engine/rule.js';
import { positionalArguments } from './arguments.js';
import { resolvedCalls } from './call-target.js';
import { provenance } from './provenance.js';

const CODES: Record<string, string> = { eval: 'B307', exec: 'B102', compile: 'B102' };

// Callee names this rule can be about: other calls are never resolved.
const CALLEES = new Set<string>(['eval', 'exec', 'compile']);

// Necessary text: a file without it has nothing for this rule, and its calls need not be read.
const FILE_HINT = /(?<![\w.])(?:eval|exec|compile)\s*\(|builtins/;

/** eval/exec/compile of anything but a literal. */
export const evalExec: Rule = {
  id: 'eval-exec',
  category: 'security',
  title: 'eval, exec or compile of a non-literal',
  severity: 'medium',
  confidence: 'high',
  cwe: 95,
  codes: ['B307', 'B102', 'S307', 'S102'],
  doc: {
    what: '`eval` or `exec` called on a string that is not a literal, and `compile` of request data, `sys.argv` or `input()`.',
    why: 'Whoever controls the string runs arbitrary Python in the process, with all of its rights.',
    example: 'result = eval(request.args["expr"])',
    useInstead: 'result = ast.literal_eval(request.args["expr"])',
    fix: 'Parse the data instead of running it: `ast.literal_eval` for Python literals, `json.loads` for JSON, or a lookup table of allowed operations.',
  },
  create(ctx) {
    return resolvedCalls(ctx, FILE_HINT, CALLEES, (node, q) => {
      const fn = q === 'builtins.eval' || q === 'builtins.exec' || q === 'builtins.compile' ? q.slice(9) : q;
      if (fn !== 'eval' && fn !== 'exec' && fn !== 'compile') return;
      const source = positionalArguments(node)[0];
      if (!source) return;
      // `exec(compile(src, ...))` is one defect, reported on the exec.
      if (fn === 'compile' && node.parent?.parent?.type === 'call' && /^(eval|exec)$/.test(node.parent.parent.childForFieldName('function')?.text ?? ''))
        return;
      const facts = provenance(ctx, source);
      if (facts.literal) return;
      // compile alone runs nothing (ast.parse, codeop and debuggers call it on their input all
      // the time): it is reported only on data from outside the program.
      if (fn === 'compile' && !facts.external) return;
      const severity = facts.tainted ? 'high' : 'medium';
      const origin = facts.tainted ? ' built from a parameter or request data' : facts.formatted ? ' built by string formatting' : '';
      ctx.report({
        node,
        message: `\`${fn}\` runs a string${origin} as Python code; use a parser (ast.literal_eval, json) instead.`,
        subject: fn,
        code: CODES[fn],
        severity,
        confidence: facts.tainted || facts.formatted ? 'high' : 'medium',
      });
    });
  },
};
