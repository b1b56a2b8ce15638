import type { Rule } from '../../src/engine/rule.js';
import { positionalArguments } from './arguments.js';
import { namedCalls } from './call-target.js';

const ACCEPT_ANY = /(?:^|\.)(?:AutoAddPolicy|WarningPolicy)(?:\(\))?$/;

// Callee names this rule can be about: other calls are never resolved.
const CALLEES = new Set<string>(['set_missing_host_key_policy']);

// Necessary text: a file without it has nothing for this rule, and its calls need not be read.
const FILE_HINT = /set_missing_host_key_policy/;

/** paramiko accepting unknown host keys (AutoAddPolicy / WarningPolicy). */
export const sshHostKeyUnverified: Rule = {
  id: 'ssh-host-key-unverified',
  category: 'security',
  title: 'SSH host key not verified',
  severity: 'high',
  confidence: 'medium',
  cwe: 295,
  codes: ['B507', 'S507'],
  doc: {
    what: "paramiko's `set_missing_host_key_policy` given `AutoAddPolicy` or `WarningPolicy`.",
    why: 'An unknown host key is then accepted, so a man in the middle can pose as the server and capture credentials and commands.',
    example: 'client.set_missing_host_key_policy(paramiko.AutoAddPolicy())',
    useInstead: 'client.load_system_host_keys()\nclient.set_missing_host_key_policy(paramiko.RejectPolicy())',
    fix: 'Load known hosts (`client.load_system_host_keys()`) and keep the default `RejectPolicy`.',
  },
  create(ctx) {
    return namedCalls(ctx, FILE_HINT, CALLEES, (node, target) => {
      if (target.name !== 'set_missing_host_key_policy') return;
      const policy = positionalArguments(node)[0];
      if (!policy || !ACCEPT_ANY.test(policy.text)) return;
      const name = /(AutoAddPolicy|WarningPolicy)/.exec(policy.text)![1]!;
      ctx.report({ node, message: `\`${name}\` accepts any unknown SSH host key; verify against known hosts instead.`, subject: name });
    });
  },
};
