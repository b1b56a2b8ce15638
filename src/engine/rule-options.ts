import { z } from 'zod';
import type { EnabledRule, Rule, RuleOptions } from './rule.js';

/**
 * The options a rule runs with: what it is given, parsed by its `optionsSchema` (which fills in
 * the defaults); none for a rule without a schema. Throws (a ZodError) when they do not fit.
 */
export function ruleOptions(rule: Rule, given: Readonly<RuleOptions> = {}): RuleOptions {
  return rule.optionsSchema ? rule.optionsSchema.parse(given) : {};
}

// An EnabledRule is made once per review (review/config.ts) and used for every file: parse once.
const parsed = new WeakMap<EnabledRule, RuleOptions>();

/** ruleOptions for a rule the config turned on, parsed once for all the files it runs on. */
export function enabledRuleOptions(enabled: EnabledRule): RuleOptions {
  let options = parsed.get(enabled);
  if (!options) parsed.set(enabled, (options = ruleOptions(enabled.rule, enabled.options)));
  return options;
}

/** One option of a rule, as the docs and the config's problems describe it. */
export interface OptionDoc {
  name: string;
  /** What values it takes, in words: "a whole number, at least 0", "true or false", "a list of strings". */
  accepts: string;
  default: unknown;
  description: string;
}

interface JsonSchemaProperty {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  items?: JsonSchemaProperty;
  default?: unknown;
  description?: string;
}

/** A rule's options, in the order its schema declares them, read from the schema's JSON Schema. */
export function optionDocs(rule: Rule): OptionDoc[] {
  if (!rule.optionsSchema) return [];
  const json = z.toJSONSchema(rule.optionsSchema, { io: 'input' }) as { properties?: Record<string, JsonSchemaProperty> };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    accepts: accepts(property),
    default: property.default,
    description: property.description ?? '',
  }));
}

function accepts(property: JsonSchemaProperty): string {
  if (property.enum) return `one of ${property.enum.map(String).join(', ')}`;
  switch (property.type) {
    case 'integer':
      return property.minimum !== undefined ? `a whole number, at least ${property.minimum}` : 'a whole number';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'string':
      return 'a string';
    case 'array':
      return property.items?.enum ? `a list of ${property.items.enum.map(String).join(', ')}` : `a list of ${property.items?.type ?? 'value'}s`;
    default:
      return property.type ?? 'a value';
  }
}
