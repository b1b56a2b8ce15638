import type { Rule } from '../../src/engine/rule.js';
import type { Scope } from '../../src/engine/scope.js';
import { functionKind, parametersOf } from '../python/definitions.js';

function* selfAndDescendants(scope: Scope): Generator<Scope> {
  yield scope;
  for (const child of scope.children) if (child.kind !== 'class') yield* selfAndDescendants(child);
}

/** A `@staticmethod` written as if it were an instance method. */
export const staticmethodSelf: Rule = {
  id: 'staticmethod-self',
  category: 'signatures',
  title: 'Staticmethod that uses `self`',
  severity: 'medium',
  codes: [],
  doc: {
    what: 'A `@staticmethod` whose first parameter is named `self`, or whose body reads a `self` it never defines.',
    why: 'A staticmethod receives no instance: a parameter named `self` gets whatever the caller passes first (`obj.method(x)` binds `x` to it), and a `self` read from the body fails with NameError or reads an unrelated global.',
    example: 'class Parser:\n    @staticmethod\n    def parse(self, text):\n        return self.grammar.parse(text)',
    useInstead: 'class Parser:\n    def parse(self, text):\n        return self.grammar.parse(text)',
    fix: 'Remove `@staticmethod` if the method needs the instance; otherwise drop the `self` parameter and the uses of it.',
  },
  create(ctx) {
    return {
      'module:exit'() {
        const model = ctx.scopes;
        for (const scope of model.scopes) {
          if (scope.kind !== 'function' || functionKind(model, scope.node) !== 'staticmethod') continue;
          const name = scope.node.childForFieldName('name')?.text ?? '';
          const first = parametersOf(scope.node)[0];
          if (first?.name === 'self' && first.kind === 'positional') {
            ctx.report({
              range: first.nameRange,
              message: `Staticmethod \`${name}\` takes a parameter named \`self\`, but a staticmethod receives no instance`,
              subject: name,
            });
            continue;
          }
          for (const s of selfAndDescendants(scope)) {
            const load = s.loads.find((l) => l.name === 'self' && !l.inAnnotation);
            if (!load) continue;
            const resolved = model.resolvingScope('self', s);
            if (resolved && resolved.kind !== 'module') continue;
            ctx.report({
              range: { start: load.start, end: load.start + 4 },
              message: `Staticmethod \`${name}\` uses \`self\`, which a staticmethod does not receive`,
              subject: name,
            });
            break;
          }
        }
      },
    };
  },
};
