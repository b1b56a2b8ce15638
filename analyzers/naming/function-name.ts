import type { z } from 'zod';
import type { Rule } from '../../src/engine/rule.js';
import { followsConventions } from '../../src/engine/conventions.js';
import { implementsInterface, mirrorsOtherNames } from './imposed.js';
import { bindingsOfKind, enclosingClass, hasExternalBase, inheritsFrom, isOverrideOrOverload } from '../python/definitions.js';
import { isModuleApi, isVisitorMethodName, nameConfidence } from './bindings.js';
import { freeRewrite, isLowercase, IGNORE_NAMES_OPTIONS, nameMatcher } from '../python/naming-style.js';

const HTTP_HANDLERS = new Set(['http.server.BaseHTTPRequestHandler', 'http.server.SimpleHTTPRequestHandler', 'http.server.CGIHTTPRequestHandler']);

/** pep8-naming N802 with Ruff's semantics, plus visitor-method overrides left alone. */
export const functionName: Rule<z.output<typeof IGNORE_NAMES_OPTIONS>> = {
  id: 'function-name',
  category: 'naming',
  title: 'Function name not lowercase',
  severity: 'low',
  codes: ['N802'],
  optionsSchema: IGNORE_NAMES_OPTIONS,
  doc: {
    what: "A function or method whose name has capitals (`fetchPage`, `GetUser`) (pep8-naming N802). Names defined elsewhere are left alone: `@override`/`@overload` defs, unittest's `setUp`-style hooks, and `visit_Name`-style visitor methods of classes that inherit from outside the file; other methods of such classes are reported at low confidence, since the base class may have chosen the name. Under the conventional profile, methods of a class that declares a zope.interface (`@implementer(IReadDescriptor)`, `classImplements`) are the interface's names and are left alone.",
    why: 'PEP 8 names functions in snake_case; a module that mixes `fetchPage` and `fetch_all` makes every caller guess the spelling.',
    example: 'def fetchPage(url):\n    ...',
    useInstead: 'def fetch_page(url):\n    ...',
    fix: 'Rename to snake_case (`fetch_page`) and update the callers; keep an alias if it is public API.',
  },
  create(ctx) {
    const ignored = nameMatcher(ctx.options.ignoreNames);
    const c = ctx.conventions;
    const conventional = followsConventions(c);
    // Conventional: a module that already names its functions this way keeps its style.
    if (conventional && c.ownNaming?.functions) return {};
    return {
      'module:exit'() {
        const model = ctx.scopes;
        let evidence = 0;
        for (const b of bindingsOfKind(model, 'function')) {
          if (isLowercase(b.name)) {
            // A couple of multi-word snake_case names let the summary show both sides of a mix.
            if (evidence < 2 && /^_?[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(b.name)) {
              ctx.conforming(b.node, b.name);
              evidence++;
            }
            continue;
          }
          if (ignored(b.name)) continue;
          // Conventional: a test's name is found by its prefix and describes what it tests; a name whose capitals spell another name of the file is that name's.
          if (conventional && ((c.testCode && b.name.startsWith('test')) || mirrorsOtherNames(b.name, ctx.file.source))) continue;
          const def = b.statement;
          if (isOverrideOrOverload(model, def)) continue;
          const cls = enclosingClass(model, def);
          if (cls && isVisitorMethodName(b.name) && hasExternalBase(model, cls.node)) continue;
          // Conventional: an `@implementer(I…)` class's methods are the interface's names, called by name.
          if (conventional && cls && implementsInterface(model, cls.node)) continue;
          // As Ruff: `do_GET` is the name http.server calls.
          if (cls && b.name.startsWith('do_') && inheritsFrom(model, cls.node, HTTP_HANDLERS)) continue;
          const confidence = nameConfidence(model, b.name, def);
          // A method of a class from outside the file may carry its base's name: no rename to propose.
          const renamed = cls && confidence === 'low' ? undefined : freeRewrite(b.name, 'snake_case', ctx.file.source);
          const api = isModuleApi(model, ctx.file.path, b) ? '; keep the old name as an alias if it is public API' : '';
          ctx.report({
            node: b.node,
            message: `Function name \`${b.name}\` should be lowercase`,
            subject: b.name,
            ...(confidence ? { confidence } : {}),
            ...(renamed ? { suggestion: `Rename to \`${renamed}\` and update its callers${api}.` } : {}),
          });
        }
      },
    };
  },
};
