import { RULES } from '../../../analyzers/index.js';
import type { Rule } from '../../engine/rule.js';

/** Finds a finding's rule for its title and doc; the registry unless the caller passes its own list. */
export function ruleLookup(rules: readonly Rule[] = RULES): (id: string) => Rule | undefined {
  const byId = new Map(rules.map((r) => [r.id, r]));
  return (id) => byId.get(id);
}
