import { worldWritablePermissions } from '../../../analyzers/security/world-writable-permissions.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(worldWritablePermissions, {
  flagged: [
    { code: `import os\nos.chmod(path, 0o777)`, lines: [2], message: '0o777' },
    { code: `import os\nos.chmod(path, 0o666)`, lines: [2] },
    { code: `import os, stat\nos.chmod(path, stat.S_IRWXU | stat.S_IWOTH)`, lines: [2] },
    { code: `from pathlib import Path\nPath(p).chmod(0o777)`, lines: [2] },
    { code: `import os\nos.chmod(path, 511)`, lines: [2] },
  ],
  clean: [
    { code: `import os\nos.chmod(path, 0o755)` },
    { code: `import os\nos.chmod(path, 0o600)` },
    { code: `import os, stat\nos.chmod(path, stat.S_IRUSR | stat.S_IWUSR)` },
    { code: `import os\nos.chmod(path, mode)` },
  ],
});

test('world-writable-permissions: B103, CWE-732, high', () => {
  expect(runRule(worldWritablePermissions, 'import os\nos.chmod(p, 0o777)\n')[0]).toMatchObject({ code: 'B103', cwe: 732, severity: 'high' });
});
