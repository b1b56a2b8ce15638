/**
 * The naming style of an identifier, so the summary can say which conventions the code mixes.
 * Only used for the wording of the naming item; the naming rules decide what is a finding.
 */
export type NameStyle = 'snake_case' | 'camelCase' | 'CapWords' | 'UPPER_CASE' | 'other';

export function nameStyleOf(name: string): NameStyle {
  const core = name.replace(/^_+|_+$/g, '');
  if (!core || !/^[A-Za-z0-9_]+$/.test(core)) return 'other';
  if (/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(core)) return 'snake_case';
  if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(core) || /^[A-Z]{2,}[0-9]*$/.test(core)) return 'UPPER_CASE';
  if (/^[a-z][a-z0-9]*([A-Z][a-z0-9]*)+$/.test(core)) return 'camelCase';
  if (/^([A-Z][a-z0-9]+)+[A-Z]?$/.test(core) || /^[A-Z]$/.test(core)) return 'CapWords';
  return 'other';
}
