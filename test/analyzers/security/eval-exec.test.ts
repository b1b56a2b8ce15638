import { evalExec } from '../../../analyzers/security/eval-exec.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(evalExec, {
  flagged: [
    { code: `result = eval(expression)`, lines: [1], message: '`eval` runs a string' },
    { code: `exec(code, namespace)`, lines: [1], message: '`exec`' },
    { code: `eval("x + %d" % n)`, lines: [1], message: 'built by string formatting' },
    { code: `exec(f"import {module}")`, lines: [1], message: 'built by string formatting' },
    { code: `import builtins\nbuiltins.eval(text)`, lines: [2] },
    { code: `import sys\ncode = compile(sys.argv[1], "<arg>", "exec")`, lines: [2], message: '`compile`' },
    { code: `def view():\n    return compile(request.form["src"], "<web>", "exec")`, lines: [2] },
    {
      code: `
        def handler(request):
            return eval(request.args["q"])
      `,
      lines: [2],
      message: 'built from a parameter or request data',
    },
  ],
  clean: [
    { code: `eval("1+2")` },
    { code: `exec("x = 1")` },
    { code: `eval("a" "b")` },
    { code: `import ast\nast.literal_eval(text)` },
    // A local function called eval is not the builtin.
    { code: `def eval(x):\n    return x\neval(data)` },
    { code: `model.eval()` },
    // exec(compile(...)) is one defect, reported once (on the exec).
    { code: `exec(compile("pass", "f", "exec"))` },
    // compile alone runs nothing: ast.parse and codeop compile their callers' source.
    { code: `def parse(source):\n    return compile(source, "<unknown>", "exec", 1024)` },
    { code: `code = "x = 1"\nexec(code)` },
  ],
});

test('eval-exec: a parameter raises the severity; an unknown value stays medium', () => {
  const [tainted] = runRule(evalExec, 'def f(expr):\n    return eval(expr)\n');
  expect(tainted).toMatchObject({ severity: 'high', confidence: 'high', code: 'B307', cwe: 95 });
  const [plain] = runRule(evalExec, 'eval(load())\n');
  expect(plain).toMatchObject({ severity: 'medium', code: 'B307' });
  const [exec] = runRule(evalExec, 'exec(load())\n');
  expect(exec!.code).toBe('B102');
});

test('eval-exec: exec(compile(src)) is reported once, on exec', () => {
  const findings = runRule(evalExec, 'exec(compile(src, "f", "exec"))\n');
  expect(findings.map((f) => f.subject)).toEqual(['exec']);
});
