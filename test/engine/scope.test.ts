import { analyzeFile } from '../../src/engine/run.js';
import type { Rule } from '../../src/engine/rule.js';
import type { ScopeModel } from '../../src/engine/scope.js';
import { dedent } from '../helpers/rule-tester.js';

/** Runs the engine with a probe rule that captures the finished scope model. */
function modelOf(code: string, path = 'm.py'): ScopeModel {
  let model: ScopeModel | undefined;
  const probe: Rule = {
    id: 'probe',
    category: 'function-logic',
    title: 'probe',
    severity: 'info',
    codes: [],
    doc: { what: '', why: '', example: '', fix: '' },
    create: (ctx) => ({ 'module:exit': () => void (model = ctx.scopes) }),
  };
  analyzeFile(path, dedent(code), [{ rule: probe, options: {} }]);
  return model!;
}

function readsOf(model: ScopeModel, name: string, scopeName = ''): number[] {
  const scope = model.scopes.find((s) => s.qualname === scopeName)!;
  return scope.bindingsOf(name).map((b) => b.reads.length);
}

test('module import read inside a function counts as read', () => {
  const m = modelOf(`
    import os
    import sys
    def f():
        return os.getcwd()
  `);
  expect(readsOf(m, 'os')).toEqual([1]);
  expect(readsOf(m, 'sys')).toEqual([0]);
});

test('scopes: function, class, lambda, comprehension', () => {
  const m = modelOf(`
    class A:
        x = 1
        def f(self, y=x):
            return [z for z in range(y)]
    g = lambda q: q
  `);
  expect(m.scopes.map((s) => `${s.kind}:${s.qualname}`)).toEqual([
    'module:',
    'class:A',
    'function:A.f',
    'comprehension:A.f.<list_comprehension>',
    'lambda:<lambda>',
  ]);
  // The default `y=x` is evaluated in the class body, so it reads the class's x.
  expect(readsOf(m, 'x', 'A')).toEqual([1]);
  expect(readsOf(m, 'self', 'A.f')).toEqual([0]);
});

test('class scope is not visible from its methods', () => {
  const m = modelOf(`
    x = 0
    class A:
        x = 1
        def f(self):
            return x
  `);
  expect(readsOf(m, 'x')).toEqual([1]);
  expect(readsOf(m, 'x', 'A')).toEqual([0]);
});

test('global and nonlocal bind in the outer scope', () => {
  const m = modelOf(`
    counter = 0
    def bump():
        global counter
        counter += 1
    def outer():
        n = 0
        def inner():
            nonlocal n
            n = 2
        return inner
  `);
  expect(m.module.bindingsOf('counter').map((b) => b.kind)).toEqual(['assignment', 'augmented']);
  expect(m.scopes.find((s) => s.qualname === 'outer')!.bindingsOf('n')).toHaveLength(2);
  expect(m.scopes.find((s) => s.qualname === 'outer.inner')!.bindingsOf('n')).toHaveLength(0);
});

test('__all__, string annotations, TYPE_CHECKING and try/except fallbacks', () => {
  const m = modelOf(`
    from typing import TYPE_CHECKING
    if TYPE_CHECKING:
        from collections import OrderedDict
    try:
        import simplejson as json
    except ImportError:
        import json
    import a, b
    __all__ = ['a']
    __all__.extend(['b'])
    def f(x: "OrderedDict[str, int]") -> None:
        return json.dumps(x)
  `);
  expect(m.exports).toEqual(new Set(['a', 'b']));
  const od = m.module.bindingsOf('OrderedDict')[0]!;
  expect(od.inTypeChecking).toBe(true);
  expect(od.reads.length).toBe(1);
  expect(readsOf(m, 'json')).toEqual([1, 1]);
});

test('del, augmented assignment and walrus', () => {
  const m = modelOf(`
    def f(items):
        total = 0
        total += 1
        if (n := len(items)) > 1:
            pass
        tmp = 3
        del tmp
  `);
  const f = m.scopes.find((s) => s.qualname === 'f')!;
  expect(f.bindingsOf('n')[0]!.kind).toBe('walrus');
  expect(f.bindingsOf('n')[0]!.reads).toEqual([]);
  expect(f.bindingsOf('tmp')[0]!.reads.length).toBe(1);
  expect(f.bindingsOf('total').map((b) => b.kind)).toEqual(['assignment', 'augmented']);
});
