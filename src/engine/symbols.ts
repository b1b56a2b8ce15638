/** The grammar's node type and field names by id, and the flag bits of a flat tree's nodes. */

export const NAMED = 1;
export const MISSING = 2;
export const HAS_ERROR = 4;

/** tree-sitter's id of the ERROR symbol. */
export const ERROR_TYPE = 0xffff;

/** Node type and field names by id in the one grammar the engine parses (filled by parse.ts). */
const typeNames: string[] = [];
const fieldNames: string[] = [''];
const fieldIds = new Map<string, number>();
const typeIds = new Map<string, number>();

export function typeName(id: number): string {
  return id === ERROR_TYPE ? 'ERROR' : typeNames[id]!;
}

/** The id of a named node type (-1 when the grammar has none by that name). */
export function typeIdOf(name: string): number {
  return typeIds.get(name) ?? -1;
}

export function fieldName(id: number): string | undefined {
  return id ? fieldNames[id] : undefined;
}

/** The field's id, or -1 for a name the grammar does not have. */
export function fieldIdOf(name: string): number {
  return fieldIds.get(name) ?? -1;
}

/** Records the grammar's names (from the native parser, or from the binding as a copy meets them). */
export function nameType(id: number, name: string, named = true): void {
  typeNames[id] = intern(name);
  if (named && !typeIds.has(name)) typeIds.set(typeNames[id]!, id);
}

export function nameField(id: number, name: string): void {
  name = intern(name);
  fieldNames[id] = name;
  fieldIds.set(name, id);
}

/** The engine compares type names with literals all the time: V8 compares internalized strings by address. */
function intern(name: string): string {
  return Object.keys({ [name]: 0 })[0]!;
}
