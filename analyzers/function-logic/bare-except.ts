import type { Rule } from '../../src/engine/rule.js';

export const bareExcept: Rule = {
  id: 'bare-except',
  category: 'function-logic',
  title: 'Bare `except:`',
  severity: 'medium',
  codes: ['E722'],
  doc: {
    what: '`except:` with no exception type, unless its body re-raises with a bare `raise`.',
    why: 'A bare `except` also catches `KeyboardInterrupt`, `SystemExit` and `GeneratorExit`, so Ctrl-C and clean shutdowns get swallowed along with real bugs.',
    example: 'try:\n    load()\nexcept:\n    pass',
    useInstead: 'try:\n    load()\nexcept OSError:\n    pass',
    fix: 'Catch the exceptions you expect (`except OSError:`), or at least `except Exception:`.',
  },
  create(context) {
    return {
      except_clause: (handler) => {
        if (handler.childForFieldName('value')) return;
        const body = handler.namedChildren.find((c) => c.type === 'block');
        if (body?.namedChildren.some((s) => s.type === 'raise_statement' && !s.namedChildren.some((c) => c.type !== 'comment'))) return;
        context.report({
          range: { start: handler.startIndex, end: handler.startIndex + 'except'.length },
          message: 'Bare `except:` also catches KeyboardInterrupt and SystemExit; name the exceptions you expect (or `except Exception:`).',
        });
      },
    };
  },
};
