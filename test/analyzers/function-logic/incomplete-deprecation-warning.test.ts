import { incompleteDeprecationWarning } from '../../../analyzers/function-logic/incomplete-deprecation-warning.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(incompleteDeprecationWarning, {
  flagged: [
    {
      code: 'import warnings\ndef connect(timeout=None):\n    warnings.warn("timeout is deprecated", DeprecationWarning)\n',
      lines: [3],
      message: 'no `stacklevel`',
    },
    {
      code: 'import warnings\ndef connect(timeout=None):\n    warnings.warn("timeout is deprecated; use deadline")\n',
      lines: [3],
      message: 'no category, so it is a UserWarning that deprecation filters miss, and no `stacklevel`',
    },
    {
      code: 'from warnings import warn\ndef f():\n    warn(f"{name} will be removed", category=FutureWarning)\n',
      lines: [3],
    },
    { code: 'import warnings as w\ndef f():\n    w.warn("old", PendingDeprecationWarning)\n', lines: [3] },
    { code: 'import warnings\ndef f():\n    warnings.warn("x", MyLibDeprecationWarning)\n', lines: [3] },
    // No category: a module-level deprecation still warns as a UserWarning.
    { code: 'import warnings\nwarnings.warn("this module is deprecated")\n', lines: [2], message: 'no category' },
    { code: 'import warnings\ndef f():\n    warnings.warn("deprecated", stacklevel=2)\n', lines: [3], message: 'pass `DeprecationWarning`' },
  ],
  clean: [
    { code: 'import warnings\ndef f():\n    warnings.warn("deprecated", DeprecationWarning, stacklevel=2)\n' },
    { code: 'import warnings\ndef f():\n    warnings.warn("deprecated", DeprecationWarning, 2)\n' },
    { code: 'import warnings\ndef f():\n    warnings.warn("deprecated", DeprecationWarning, skip_file_prefixes=(DIR,))\n' },
    // Not a deprecation: other warnings are B028's business elsewhere, not a review comment.
    { code: 'import warnings\ndef f():\n    warnings.warn("disk almost full", ResourceWarning)\n' },
    { code: 'import warnings\ndef f():\n    warnings.warn("slow path taken")\n' },
    // A deprecated module warns at import: no stacklevel names the importer reliably.
    { code: 'import warnings\nwarnings.warn("the spam module is deprecated", DeprecationWarning)\n' },
    // Not warnings.warn.
    { code: 'def f(log):\n    log.warn("deprecated option", DeprecationWarning)\n' },
    { code: 'import warnings\ndef f(*args):\n    warnings.warn(*args)\n' },
  ],
});

test('incomplete-deprecation-warning: B028 for a missing stacklevel; no code for a missing category alone', () => {
  expect(runRule(incompleteDeprecationWarning, 'import warnings\ndef f():\n    warnings.warn("x", DeprecationWarning)\n')[0]!.code).toBe('B028');
  expect(runRule(incompleteDeprecationWarning, 'import warnings\ndef f():\n    warnings.warn("deprecated", stacklevel=2)\n')[0]!.code).toBeUndefined();
});
