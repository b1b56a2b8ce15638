import type { Rule } from '../../src/engine/rule.js';

// Calls whose failure must not go unnoticed.
const SECURITY_CALL =
  /\b(?:verify\w*|authenticat\w*|authori[sz]\w*|check_(?:password|permission|signature|hostname|auth)\w*|validate\w*|chmod|chown|setuid|setgid|seteuid|setegid|drop_privileges|load_verify_locations|wrap_socket|compare_digest|decrypt|encrypt|sign|login)\s*\(/;
const BROAD = /^except\s*(?:\(?\s*(?:Exception|BaseException)\s*\)?\s*(?:as\s+\w+\s*)?)?:/;

// Necessary text: a file without it has nothing for this rule, and its calls need not be read.
const FILE_HINT = /\bexcept\b/;

/** `try: <security call> except: pass` — a failed check is silently ignored. */
export const tryExceptPass: Rule = {
  id: 'try-except-pass',
  category: 'security',
  title: 'Security check whose failure is ignored',
  severity: 'low',
  confidence: 'medium',
  cwe: 703,
  codes: ['B110', 'B112', 'S110', 'S112'],
  doc: {
    what: 'A bare `except:` or `except Exception:` whose body is only `pass` or `continue`, around a call that verifies, authenticates, validates, signs or changes permissions.',
    why: 'If the check fails the program carries on as if it had passed.',
    example: 'try:\n    verify_signature(payload)\nexcept Exception:\n    pass',
    useInstead: 'try:\n    verify_signature(payload)\nexcept InvalidSignature:\n    log.warning("rejected a payload with a bad signature")\n    raise',
    fix: 'Catch the specific exception and act on it (reject the request, log and stop), or let it propagate.',
  },
  create(ctx) {
    if (!FILE_HINT.test(ctx.file.source)) return {};
    return {
      except_clause(node) {
        const text = node.text;
        if (!BROAD.test(text)) return;
        const body = node.namedChildren.at(-1);
        const only = body?.type === 'block' && body.namedChildCount === 1 ? body.namedChild(0)?.type : undefined;
        if (only !== 'pass_statement' && only !== 'continue_statement') return;
        const tryBody = node.parent?.childForFieldName('body');
        if (!tryBody || !SECURITY_CALL.test(tryBody.text)) return;
        ctx.report({
          node,
          message: `A failing security-relevant call in this try block is silently ignored (except: ${only === 'pass_statement' ? 'pass' : 'continue'}).`,
          subject: 'except',
          code: only === 'pass_statement' ? 'B110' : 'B112',
        });
      },
    };
  },
};
