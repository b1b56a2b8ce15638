/**
 * The part of Python's configparser that setup.cfg, tox.ini, .flake8 and mypy.ini rely on:
 * `[section]` headers, `key = value` or `key: value` (keys lower-cased), values continued on
 * more-indented lines (flake8's per-file-ignores, mypy's files), and whole-line `#`/`;` comments.
 * The npm `ini` package reads a continuation line as a key of its own, so it cannot be used here.
 */
export type IniSections = Map<string, Map<string, string>>;

export function parseIni(text: string): IniSections {
  const sections: IniSections = new Map();
  let section: Map<string, string> | undefined;
  let key: string | undefined;
  let keyIndent = 0;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const indent = raw.length - raw.trimStart().length;
    const line = raw.trim();
    const comment = line.startsWith('#') || line.startsWith(';');
    if (line === '' || comment) {
      // As configparser: a blank or comment line inside a value is an empty line of it.
      if (section && key !== undefined) section.set(key, `${section.get(key)}\n`);
      continue;
    }
    if (key !== undefined && section && indent > keyIndent) {
      section.set(key, `${section.get(key)}\n${line}`);
      continue;
    }
    const header = /^\[([^\]]+)\]/.exec(line);
    if (header && indent === 0) {
      const name = header[1]!.trim();
      section = sections.get(name) ?? new Map<string, string>();
      sections.set(name, section);
      key = undefined;
      continue;
    }
    if (!section) continue;
    const split = /[=:]/.exec(line);
    if (!split) {
      // configparser would reject the file; a key without a value is the closest reading.
      key = line.toLowerCase();
      keyIndent = indent;
      section.set(key, '');
      continue;
    }
    key = line.slice(0, split.index).trim().toLowerCase();
    keyIndent = indent;
    section.set(key, line.slice(split.index + 1).trim());
  }
  // Trailing empty lines are not part of a value.
  for (const s of sections.values()) for (const [k, v] of s) s.set(k, v.replace(/\n+$/, '').replace(/^\n+/, ''));
  return sections;
}

/** A section's value under either spelling flake8 and mypy accept (`max-complexity`, `max_complexity`). */
export function iniValue(section: ReadonlyMap<string, string> | undefined, key: string): string | undefined {
  if (!section) return undefined;
  return section.get(key) ?? section.get(key.replace(/-/g, '_')) ?? section.get(key.replace(/_/g, '-'));
}

/** A config value as a list of strings: a TOML array, or an INI value split on commas and newlines. */
export function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string')
    return value
      .split(/[\n,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
  return [];
}
