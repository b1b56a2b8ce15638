import type { Rule } from '../../src/engine/rule.js';

// Conditions that decide who may do what.
const AUTHORISATION =
  /\b(?:is_authenticated|is_anonymous|is_admin|is_superuser|is_staff|has_perm|has_perms|has_permission|permission|permissions|authori[sz]ed|authenticated|logged_in|is_owner|owner|role|roles|can_\w+|allowed|csrf|check_password|verify_password|token|signature|hmac)\b/i;

// Necessary text: a file without it has nothing for this rule, and its calls need not be read.
const FILE_HINT = /\bassert\b/;

/** `assert` guarding authorisation, which `python -O` removes. Never in test files. */
export const assertAuthorization: Rule = {
  id: 'assert-authorization',
  category: 'security',
  title: 'assert used for an authorisation check',
  severity: 'medium',
  confidence: 'medium',
  cwe: 703,
  codes: ['B101', 'S101'],
  doc: {
    what: 'An `assert` whose condition checks permissions, roles, authentication, tokens or signatures (not in test files).',
    why: 'Python drops every assert when run with `-O`, so the check silently disappears in optimised deployments.',
    example: 'assert user.is_admin, "admins only"',
    useInstead: 'if not user.is_admin:\n    raise PermissionError("admins only")',
    fix: 'Raise explicitly: `if not user.is_admin: raise PermissionError("admins only")`.',
  },
  create(ctx) {
    if (ctx.file.isTestFile || !FILE_HINT.test(ctx.file.source)) return {};
    return {
      assert_statement(node) {
        const condition = node.namedChild(0);
        if (!condition || !AUTHORISATION.test(condition.text)) return;
        ctx.report({
          node,
          message: 'This assert guards an authorisation check, and `python -O` removes it; raise an exception instead.',
          subject: condition.text.slice(0, 60),
        });
      },
    };
  },
};
