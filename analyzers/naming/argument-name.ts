import type { z } from 'zod';
import type { Rule } from '../../src/engine/rule.js';
import type { SyntaxNode } from '../../src/engine/syntax.js';
import { followsConventions } from '../../src/engine/conventions.js';
import { hasFrameworkDecorator, implementsInterface } from './imposed.js';
import type { Scope } from '../../src/engine/scope.js';
import { bindingsOfKind, enclosingClass, hasTypingDecorator } from '../python/definitions.js';
import { nameConfidence, passableByKeyword } from './bindings.js';
import { freeRewrite, isLowercase, IGNORE_NAMES_OPTIONS, nameMatcher } from '../python/naming-style.js';

/** A parameter annotated `type[...]` / `Type[...]` (possibly optional): its value is a class. */
function isClassValued(name: SyntaxNode): boolean {
  const parameter = name.parent;
  if (!parameter || (parameter.type !== 'typed_parameter' && parameter.type !== 'typed_default_parameter')) return false;
  const annotation = parameter.childForFieldName('type')?.text ?? '';
  return /(^|[\s|[(,.])(type|Type)\[/.test(annotation);
}

/** pep8-naming N803 with Ruff's semantics (lambdas included, `@override` methods exempt). */
export const argumentName: Rule<z.output<typeof IGNORE_NAMES_OPTIONS>> = {
  id: 'argument-name',
  category: 'naming',
  title: 'Argument name not lowercase',
  severity: 'low',
  codes: ['N803'],
  optionsSchema: IGNORE_NAMES_OPTIONS,
  doc: {
    what: 'A function or lambda parameter whose name has capitals (`userId`, `X`) (pep8-naming N803). Parameters of methods whose class inherits from outside the file are reported at low confidence: callers may pass them by keyword as the base class names them. Under the conventional profile, parameters of methods of a class that declares a zope.interface (`@implementer(...)`, `classImplements`) are left alone.',
    why: 'Parameters are local variables; PEP 8 writes them in snake_case, and mixing styles makes keyword arguments hard to remember.',
    example: 'def load(userId, Path):\n    ...',
    useInstead: 'def load(user_id, path):\n    ...',
    fix: 'Rename to snake_case (`user_id`, `path`), including callers that pass it by keyword.',
  },
  create(ctx) {
    const ignored = nameMatcher(ctx.options.ignoreNames);
    // Conventional: test parameters are fixture names, and a module that already writes such names keeps its style.
    const c = ctx.conventions;
    const conventional = followsConventions(c);
    if (conventional && (c.testCode || c.ownNaming?.arguments)) return {};
    return {
      'module:exit'() {
        const model = ctx.scopes;
        const skipped = new Map<Scope, boolean>();
        for (const b of bindingsOfKind(model, 'parameter')) {
          if (isLowercase(b.name) || ignored(b.name)) continue;
          const scope = b.scope;
          const def = scope.kind === 'function' ? scope.node : undefined;
          let skip = skipped.get(scope);
          if (skip === undefined) {
            // As Ruff: an `@override` method must keep its base's parameter names.
            skip = def !== undefined && enclosingClass(model, def) !== undefined && hasTypingDecorator(model, def, 'override');
            // A framework's decorator reads the parameter's name (`@click.option("--Name")`).
            if (conventional && def !== undefined && hasFrameworkDecorator(def)) skip = true;
            // An `@implementer(I…)` class's methods take the parameters the interface names.
            const cls = def !== undefined ? enclosingClass(model, def) : undefined;
            if (conventional && cls && implementsInterface(model, cls.node)) skip = true;
            skipped.set(scope, skip);
          }
          if (skip) continue;
          // `Response: type[BaseResponse] = None` holds a class and is named like one (Werkzeug's and Flask's keyword).
          if (conventional && isClassValued(b.node)) continue;
          const confidence = def ? nameConfidence(model, '', def) : undefined;
          // A base class from outside may have chosen the name (callers pass it by keyword as the base names it).
          const renamed = confidence === 'low' ? undefined : freeRewrite(b.name, 'snake_case', ctx.file.source);
          const callers = def && passableByKeyword(def, b.node) ? ' and any call that passes it by keyword' : '';
          ctx.report({
            node: b.node,
            message: `Argument name \`${b.name}\` should be lowercase`,
            subject: b.name,
            ...(confidence ? { confidence } : {}),
            ...(renamed ? { suggestion: `Rename to \`${renamed}\` and update its uses in the body${callers}.` } : {}),
          });
        }
      },
    };
  },
};
