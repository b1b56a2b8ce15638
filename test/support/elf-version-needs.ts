/**
 * The symbol versions a shared object needs from its libraries (GLIBC_2.34, GLIBCXX_3.4.31…),
 * read from its ELF `.gnu.version_r` section, as `readelf -V` prints them. A binary built against
 * a newer glibc or libstdc++ than the image has fails to load there ("version `GLIBCXX_3.4.31'
 * not found"), so the toolchain test compares these with what Debian 12 provides.
 */

export interface VersionNeed {
  /** The library, as the binary names it: libstdc++.so.6, libc.so.6. */
  library: string;
  versions: string[];
}

const SHT_GNU_VERNEED = 0x6ffffffe;

export function elfVersionNeeds(bytes: Uint8Array): VersionNeed[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0) !== 0x7f454c46) throw new Error('not an ELF file');
  const is64 = bytes[4] === 2;
  const little = bytes[5] === 1;
  const u16 = (at: number) => view.getUint16(at, little);
  const u32 = (at: number) => view.getUint32(at, little);
  const word = (at: number) => (is64 ? Number(view.getBigUint64(at, little)) : u32(at));

  const sectionsAt = word(is64 ? 0x28 : 0x20);
  const entrySize = u16(is64 ? 0x3a : 0x2e);
  const count = u16(is64 ? 0x3c : 0x30);
  // Section header fields: type at +4, offset at +24 (64-bit) or +16, link right after size.
  const section = (i: number) => {
    const at = sectionsAt + i * entrySize;
    return is64
      ? { type: u32(at + 4), offset: word(at + 24), link: u32(at + 40), info: u32(at + 44) }
      : { type: u32(at + 4), offset: u32(at + 16), link: u32(at + 24), info: u32(at + 28) };
  };
  const needs: VersionNeed[] = [];
  for (let i = 0; i < count; i++) {
    const verneed = section(i);
    if (verneed.type !== SHT_GNU_VERNEED) continue;
    const strings = section(verneed.link).offset;
    const text = (at: number) => {
      let end = strings + at;
      while (bytes[end] !== 0) end++;
      return Buffer.from(bytes.subarray(strings + at, end)).toString('latin1');
    };
    // Verneed {version u16, cnt u16, file u32, aux u32, next u32}; Vernaux {hash u32, flags u16, other u16, name u32, next u32}.
    let entry = verneed.offset;
    for (let n = 0; n < verneed.info; n++) {
      const versions: string[] = [];
      let aux = entry + u32(entry + 8);
      for (let k = 0; k < u16(entry + 2); k++) {
        versions.push(text(u32(aux + 8)));
        aux += u32(aux + 12);
      }
      needs.push({ library: text(u32(entry + 4)), versions });
      const next = u32(entry + 12);
      if (next === 0) break;
      entry += next;
    }
  }
  return needs;
}

/** The newest symbol version of each family that a platform provides, e.g. { GLIBCXX: '3.4.30' }. */
export type VersionLimits = Record<string, string>;

/** Glibc 2.36 and GCC 12's libstdc++ (GLIBCXX_3.4.30, CXXABI_1.3.13): Debian 12 "bookworm", the image's base. */
export const DEBIAN_12: VersionLimits = { GLIBC: '2.36', GLIBCXX: '3.4.30', CXXABI: '1.3.13' };

/** The needed versions newer than the limits allow ("GLIBCXX_3.4.31 (libstdc++.so.6)"). */
export function versionsTooNew(needs: readonly VersionNeed[], limits: VersionLimits): string[] {
  const out: string[] = [];
  for (const need of needs) {
    for (const version of need.versions) {
      const match = /^([A-Z]+)_(\d+(?:\.\d+)*)$/.exec(version);
      const limit = match ? limits[match[1]!] : undefined;
      if (match && limit !== undefined && compareDotted(match[2]!, limit) > 0) out.push(`${version} (${need.library})`);
    }
  }
  return out;
}

function compareDotted(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
