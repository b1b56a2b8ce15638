import { assertAuthorization } from '../../../analyzers/security/assert-authorization.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(assertAuthorization, {
  flagged: [
    { code: `def delete(user, item):\n    assert user.is_admin, "admins only"\n    item.delete()`, lines: [2], message: 'python -O' },
    { code: `assert request.user.has_perm("app.change")`, lines: [1] },
    { code: `assert item.owner == user`, lines: [1] },
  ],
  clean: [
    { code: `assert isinstance(x, int)` },
    { code: `assert len(items) > 0, "empty"` },
    // Never in test files: asserts are how tests check things.
    { code: `def test_admin(user):\n    assert user.is_admin`, path: 'tests/test_admin.py' },
    { code: `assert user.is_admin`, path: 'test_views.py' },
    { code: `assert user.is_admin`, path: 'conftest.py' },
  ],
});

test('assert-authorization: B101, CWE-703', () => {
  expect(runRule(assertAuthorization, 'assert user.is_admin\n')[0]).toMatchObject({ code: 'B101', cwe: 703, severity: 'medium' });
});
