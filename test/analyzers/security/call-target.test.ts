import { callTarget, namedCalls, resolvedCalls } from '../../../analyzers/security/call-target.js';
import { analyzeFile } from '../../../src/engine/run.js';
import type { Rule } from '../../../src/engine/rule.js';
import { dedent } from '../../helpers/rule-tester.js';

/** Every call's resolved target, in source order, through the real engine walk. */
function targets(code: string): string[] {
  const out: string[] = [];
  const probe: Rule = {
    id: 'probe',
    category: 'security',
    title: 'probe',
    severity: 'info',
    codes: [],
    doc: { what: '', why: '', example: '', fix: '' },
    create: (ctx) => ({
      call(node) {
        const t = callTarget(ctx, node);
        out.push(`${t.qualifiedName ?? '?'} ${t.name}`);
      },
    }),
  };
  analyzeFile('m.py', dedent(code), [{ rule: probe, options: {} }]);
  return out;
}

test('aliases of imports resolve to what they import', () => {
  expect(
    targets(`
      from subprocess import run as r
      import yaml as y
      import os.path
      import xml.etree.ElementTree as ET
      r(cmd, shell=True)
      y.load(s)
      os.system(c)
      ET.fromstring(d)
    `),
  ).toEqual(['subprocess.run r', 'yaml.load load', 'os.system system', 'xml.etree.ElementTree.fromstring fromstring']);
});

test('unbound names are taken as written; local values resolve to nothing', () => {
  expect(
    targets(`
      eval(x)
      def f(pickle):
          pickle.loads(b)
      conn.cursor().execute(q)
      handlers[0](e)
    `),
  ).toEqual(['eval eval', '? loads', '? execute', 'conn.cursor cursor', '? ']);
});

test('a function-local import and a try/except import fallback', () => {
  expect(
    targets(`
      try:
          import cPickle as pickle
      except ImportError:
          import pickle
      def f():
          import hashlib as h
          return h.md5(b)
      pickle.loads(x)
    `),
  ).toEqual(['hashlib.md5 md5', 'pickle.loads loads']);
});

/** The calls the shared visitors hand a rule, as `qualified name|name`. */
function handed(code: string, callees: string[], resolvedOnly: boolean): string[] {
  const out: string[] = [];
  const probe: Rule = {
    id: 'probe',
    category: 'security',
    title: 'probe',
    severity: 'info',
    codes: [],
    doc: { what: '', why: '', example: '', fix: '' },
    create: (ctx) =>
      resolvedOnly
        ? resolvedCalls(ctx, /run/, new Set(callees), (_node, q) => out.push(q))
        : namedCalls(ctx, /run/, new Set(callees), (_node, t) => out.push(`${t.qualifiedName ?? '?'}|${t.name}`)),
  };
  analyzeFile('m.py', dedent(code), [{ rule: probe, options: {} }]);
  return out;
}

test('namedCalls hands every call that may be a callee, resolved or not; resolvedCalls only the resolved ones', () => {
  const code = `
    import subprocess
    app = make_app()
    app.run(debug=True)
    subprocess.run(cmd)
    subprocess.call(cmd)
    print(x)
  `;
  expect(handed(code, ['run'], false)).toEqual(['make_app|make_app', '?|run', 'subprocess.run|run', 'print|print']);
  expect(handed(code, ['run'], true)).toEqual(['make_app', 'subprocess.run', 'print']);
  expect(handed('x = 1\n', ['run'], false)).toEqual([]);
});
