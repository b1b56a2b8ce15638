import type { Rule } from '../../src/engine/rule.js';
import type { Scope } from '../../src/engine/scope.js';

/** `.__secret` (not a dunder) and `._Owner__secret`, found in the text and confirmed in the tree. */
const MANGLED_ACCESS = /\.[ \t]*(__(?!_)\w+|_[A-Za-z][A-Za-z0-9]*__\w+)/g;

function enclosingClassNames(scope: Scope): string[] {
  const out: string[] = [];
  for (let s: Scope | undefined = scope; s; s = s.parent) if (s.kind === 'class') out.push((s.node.childForFieldName('name')?.text ?? '').replace(/^_+/, ''));
  return out;
}

/**
 * The `Owner` of `_Owner__name`, when the attribute is written in the mangled form of a class:
 * a CapWords name, or a class this file defines. `_sa__add_getter` is a prefix convention
 * (`_sa_` + `_add_getter`), not the private attribute of a class `sa`.
 */
function mangledOwner(attribute: string, fileClasses: ReadonlySet<string>): string | undefined {
  if (attribute.startsWith('__')) return undefined;
  const owner = /^_([A-Za-z][A-Za-z0-9]*?)__[A-Za-z_]/.exec(attribute)?.[1];
  return owner !== undefined && (/^[A-Z]/.test(owner) || fileClasses.has(owner)) ? owner : undefined;
}

function classNamesOf(scopes: readonly Scope[]): Set<string> {
  return new Set(scopes.filter((s) => s.kind === 'class').map((s) => (s.node.childForFieldName('name')?.text ?? '').replace(/^_+/, '')));
}

/** Private (`__x`) attributes of a class used from outside it, where Python's name mangling breaks or is bypassed. */
export const mangledNameAccess: Rule = {
  id: 'mangled-name-access',
  category: 'signatures',
  title: 'Name-mangled attribute used outside its class',
  severity: 'low',
  codes: ['SLF001'],
  doc: {
    what: 'An attribute with two leading underscores (`obj.__token`) used outside any class body, where Python does not mangle it, so it does not reach the `__token` the class defined; or the mangled spelling (`obj._Session__token`) used outside `Session` to reach into its private state.',
    why: "Inside `class Session`, `self.__token` is stored as `_Session__token`. Outside the class `obj.__token` looks for a different attribute and fails (or silently reads another one), and `_Session__token` couples the caller to the class's private implementation.",
    example:
      'class Session:\n    def __init__(self, token):\n        self.__token = token\n\ndef debug(session):\n    print(session.__token)  # AttributeError',
    useInstead:
      'class Session:\n    def __init__(self, token):\n        self.__token = token\n\n    @property\n    def token(self):\n        return self.__token\n\ndef debug(session):\n    print(session.token)',
    fix: 'Give the class a public method or property for what callers need, or use a single underscore (`_token`) if the attribute is meant to be shared within the package.',
  },
  create(ctx) {
    return {
      'module:exit'(root) {
        const source = ctx.file.source;
        if (!source.includes('.__') && !/\._[A-Za-z][A-Za-z0-9]*?__/.test(source)) return;
        const fileClasses = classNamesOf(ctx.scopes.scopes);
        for (const match of source.matchAll(MANGLED_ACCESS)) {
          const attribute = match[1]!;
          const start = match.index + match[0].length - attribute.length;
          const node = root.descendantForIndex(start, start + attribute.length);
          // Strings and comments contain dots too: only a real `x.attr` counts.
          if (node.type !== 'identifier' || node.parent?.type !== 'attribute' || node.parent.childForFieldName('attribute')?.startIndex !== start) continue;
          const classes = enclosingClassNames(ctx.scopes.scopeAt(start));
          const owner = mangledOwner(attribute, fileClasses);
          if (owner === undefined) {
            // `_sa__x` (no owner class) is no mangled name; `__x__` is a dunder; in a class `__x` is mangled.
            if (!attribute.startsWith('__') || attribute.endsWith('__') || classes.length > 0) continue;
            ctx.report({
              node,
              message: `\`${attribute}\` is used outside any class, where Python does not name-mangle it: it will not find the class's private \`${attribute}\``,
              subject: attribute,
            });
          } else if (!classes.includes(owner)) {
            ctx.report({
              node,
              message: `\`${attribute}\` reaches into the private (name-mangled) attribute of \`${owner}\` from outside the class`,
              subject: attribute,
              confidence: 'medium',
            });
          }
        }
      },
    };
  },
};
