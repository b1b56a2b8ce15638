import { unusedImport } from '../../../analyzers/unused-imports/unused-import.js';
import { STRICT_CONVENTIONS } from '../../../src/engine/conventions.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

const CONVENTIONAL = { ...STRICT_CONVENTIONS, profile: 'conventional' as const };
/** requests' compat.py: the same name from whichever package is installed, for the modules that import it from here. */
const FALLBACK = 'try:\n    import chardet\nexcept ImportError:\n    import charset_normalizer as chardet\n';

ruleTester(unusedImport, {
  flagged: [
    { code: 'import os\nimport sys\nprint(sys.argv)\n', lines: [1], message: '`os` is imported but never used' },
    { code: 'from a import b, c\nc()\n', lines: [1], message: '`a.b` is imported but never used' },
    { code: 'from a import b as bee\n', lines: [1], message: '`a.b` as `bee` is imported but never used' },
    { code: 'import a.b as ab\n', lines: [1], message: '`a.b` as `ab` is imported but never used' },
    { code: 'import numpy as np\n', lines: [1], message: '`numpy` as `np`' },
    { code: 'def f():\n    import json\n    return 1\n', lines: [2] },
    { code: 'import json\nimport json\n', lines: [2] },
    { code: 'import os.path\n', lines: [1] },
    { code: 'from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from a import B\n', lines: [3] },
    // A name listed in __all__ of another module does not help this one.
    { code: 'import a\n__all__ = ["b"]\n', lines: [1] },
    { code: 'import os  # noqa: E501\n', lines: [1] },
    // Ruff reports the fallback branch of an import shim; the strict profile does too.
    { code: FALLBACK, lines: [4] },
    // A `# noqa` on a later line of the statement silences only the names on that line (as Ruff).
    { code: 'from d import (e,\n    f)  # noqa\n', lines: [1] },
    // A name rebound by an import after an earlier binding nothing read: still unused.
    { code: 'x = compute()\nimport x\n', lines: [2] },
    // A parameter of the same name is the function's own: the import stays unused.
    { code: 'import os\ndef f(os):\n    return os\n', lines: [1] },
    { code: 'import x\ng = lambda x: x\n', lines: [1] },
    { code: 'import y\nz = [y for y in range(3)]\n', lines: [1] },
    // A submodule import is used through another import of its package only when that one is read.
    { code: 'import scipy as sp\nimport scipy.sparse\n', lines: [1, 2] },
    { code: 'import numpy as np\nimport scipy.sparse\nnp.zeros(1)\n', lines: [2], message: '`scipy.sparse` is imported but never used' },
    { code: 'import os as o\nimport os.path\nimport sys\nsys.path\n', lines: [1, 2] },
    // A string is a forward reference only where a type is expected, not in a Literal or in metadata.
    { code: 'from a import B\nx = d["B"]\n', lines: [1] },
    { code: 'from typing import Literal\nfrom a import C\nMode = Literal["C"]\n', lines: [2] },
    { code: 'from typing import Literal\nfrom a import D\ny: Literal["D"] = 1\n', lines: [2] },
    { code: 'from typing import Optional, Literal\nfrom a import D\ny: Optional[Literal["D"]] = None\n', lines: [2] },
    { code: 'from typing import Annotated\nfrom a import E\nz: Annotated[int, "E"] = 1\n', lines: [2] },
  ],
  clean: [
    // The conventional profile leaves an import shim alone: its point is to provide the name.
    { code: FALLBACK, conventions: CONVENTIONAL },
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
    // A `# noqa` on the first line of a multi-line import covers every name in it (Ruff's parent statement).
    { code: 'from sphinx.util.nodes import (caption_ref_re,  # noqa\n    nested_parse_with_titles, split_explicit_title)\n' },
    { code: 'from a import (b,  # noqa: F401\n    c)\n' },
    // An import that rebinds a name already read takes over its uses (as Ruff): a replacement, not a dead import.
    {
      code: `
        class MSVCCompiler:
            pass
        if get_build_version() >= 8.0:
            OldMSVCCompiler = MSVCCompiler
            from distutils.msvc9compiler import MSVCCompiler
        `,
    },
    { code: 'def f():\n    import multiprocessing\n    multiprocessing.Process()\n    try:\n        pass\n    finally:\n        import multiprocessing\n' },
    { code: 'class A:\n    from a import helper\n' },
    { code: 'import a\n@a.deco\ndef f(): pass\n' },
    { code: 'import errno\ndef f():\n    errno = errno.EFAULT\n    return errno\n' },
    { code: 'import errno\nclass Err(OSError):\n    errno = errno.EFAULT\n' },
    // The submodule import is what makes the attribute exist: removing it breaks `sp.sparse.linalg`.
    {
      code: `
        def laplacian(G):
            import scipy as sp
            import scipy.sparse  # call as sp.sparse
            import scipy.sparse.linalg  # call as sp.sparse.linalg
            return sp.sparse.linalg.eigs(G)
        `,
    },
    { code: 'import scipy as sp\nimport scipy.sparse.linalg\nsp.sparse.linalg.eigs()\n' },
    { code: 'from scipy import sparse\nimport scipy.sparse.linalg\nsparse.linalg.eigs()\n' },
    { code: 'import scipy as sp\ndef g():\n    import scipy.sparse\n    return sp.sparse.eye(2)\n' },
    // A string inside the subscript of a generic is a forward reference, outside annotations too.
    {
      code: `
        from typing import TYPE_CHECKING, Any, Dict, List, Tuple
        if TYPE_CHECKING:
            from ._logger import Logger
        LogEvent = Dict[str, Any]
        LogTrace = List[Tuple["Logger", "ILogObserver"]]
        class ILogObserver: ...
        `,
    },
    { code: 'from a import B\nAlias = list["B"]\n' },
    { code: 'import typing as t\nfrom a import B\nAlias = t.Optional["B"]\n' },
    { code: 'from typing import Annotated\nfrom a import E\nz: Annotated["E", "metadata"] = 1\n' },
    // Imported into a function to fill a `global` (or `nonlocal`) name: the outer name is what is read, maybe elsewhere.
    {
      code: `
        class MxODBCConnector:
            @classmethod
            def _load_mx_exceptions(cls):
                global InterfaceError, ProgrammingError
                from mx.ODBC import InterfaceError
                from mx.ODBC import ProgrammingError
        `,
    },
    { code: 'def setup():\n    global np\n    import numpy as np\n' },
    { code: 'def outer():\n    json = None\n    def load():\n        nonlocal json\n        import json\n    load()\n' },
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
