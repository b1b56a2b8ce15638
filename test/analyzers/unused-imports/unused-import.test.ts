import { unusedImport } from '../../../analyzers/unused-imports/unused-import.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(unusedImport, {
  flagged: [
    { code: 'import os\nimport sys\nprint(sys.argv)\n', lines: [1], message: '`os` is imported but never used' },
    { code: 'from a import b, c\nc()\n', lines: [1], message: '`a.b` as `b`' },
    { code: 'import numpy as np\n', lines: [1], message: '`numpy` as `np`' },
    { code: 'def f():\n    import json\n    return 1\n', lines: [2] },
    { code: 'import json\nimport json\n', lines: [2] },
    { code: 'import os.path\n', lines: [1] },
    { code: 'from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from a import B\n', lines: [3] },
    // A name listed in __all__ of another module does not help this one.
    { code: 'import a\n__all__ = ["b"]\n', lines: [1] },
    { code: 'import os  # noqa: E501\n', lines: [1] },
    // A parameter of the same name is the function's own: the import stays unused.
    { code: 'import os\ndef f(os):\n    return os\n', lines: [1] },
    { code: 'import x\ng = lambda x: x\n', lines: [1] },
    { code: 'import y\nz = [y for y in range(3)]\n', lines: [1] },
  ],
  clean: [
    { code: 'import os\nos.getcwd()\n' },
    { code: 'import os\ndef f():\n    return os.sep\n' },
    { code: 'import os.path\nimport os\nos.path.join("a")\n' },
    { code: 'from a import b\n__all__ = ["b"]\n' },
    { code: 'from a import b, c\n__all__ = ["b"]\n__all__ += ["c"]\n' },
    { code: 'from a import b\n__all__ = []\n__all__.extend(["b"])\n' },
    { code: 'import x as x\nfrom y import z as z\n' },
    { code: 'from . import y\nfrom .m import z\n', path: 'pkg/__init__.py' },
    { code: 'from __future__ import annotations\n' },
    { code: 'from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from a import B\ndef f(x: "B") -> None: ...\n' },
    { code: 'from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from a import B\ndef f(x: "list[B]"): ...\n' },
    { code: 'from a import B\nx: B = 1\n' },
    { code: 'try:\n    import simplejson as json\nexcept ImportError:\n    import json\njson.dumps(1)\n' },
    { code: 'try:\n    import ssl\nexcept ImportError:\n    ssl = None\n' },
    { code: 'import os  # noqa\n' },
    { code: 'import os  # noqa: F401\n' },
    { code: 'import os  # noqa: unused-import\n' },
    { code: 'class A:\n    from a import helper\n' },
    { code: 'import a\n@a.deco\ndef f(): pass\n' },
    { code: 'import errno\ndef f():\n    errno = errno.EFAULT\n    return errno\n' },
    { code: 'import errno\nclass Err(OSError):\n    errno = errno.EFAULT\n' },
  ],
});

describe('unused-import fixes', () => {
  test('removes the whole statement when it stands alone', () => {
    const [f] = runRule(unusedImport, 'import os\nx = 1\n');
    expect(f!.fix!.edits).toEqual([{ line: 1, column: 1, endLine: 2, endColumn: 1, newText: '' }]);
  });
  test('removes one name from a multi-name import', () => {
    const [f] = runRule(unusedImport, 'from a import b, c\nc()\n');
    expect(f!.fix!.edits).toEqual([{ line: 1, column: 15, endLine: 1, endColumn: 18, newText: '' }]);
  });
  test('removes the last name with its comma', () => {
    const [f] = runRule(unusedImport, 'from a import b, c\nb()\n');
    expect(f!.fix!.edits).toEqual([{ line: 1, column: 16, endLine: 1, endColumn: 19, newText: '' }]);
  });
  test('no fix where removal could change behaviour or break syntax', () => {
    expect(runRule(unusedImport, 'try:\n    import a\nexcept ImportError:\n    pass\n')[0]!.fix).toBeUndefined();
    expect(runRule(unusedImport, 'if x:\n    import a\n')[0]!.fix).toBeUndefined();
    expect(runRule(unusedImport, 'import a; import b\nb()\n')[0]!.fix).toBeUndefined();
  });
});
