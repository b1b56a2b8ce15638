import type { VersionNeed } from '../support/elf-version-needs.js';

/**
 * A minimal ELF shared object with only a `.gnu.version_r` section (and its string tables): what
 * a binary linked against a newer libstdc++ carries, built here byte by byte instead of committing
 * a third-party binary. `readelf -V` reads it as it reads a real one.
 */
export function craftElf(needs: readonly VersionNeed[], { is64 = true, little = true } = {}): Uint8Array {
  const dynstr = new StringTable();
  const names = needs.map((n) => ({ file: dynstr.add(n.library), versions: n.versions.map((v) => ({ v, at: dynstr.add(v) })) }));
  const shstr = new StringTable();
  const sectionNames = ['.dynstr', '.gnu.version_r', '.shstrtab'].map((s) => shstr.add(s));

  const headerSize = is64 ? 64 : 52;
  const dynstrAt = headerSize;
  const verneedAt = align(dynstrAt + dynstr.size, 8);
  const verneedSize = names.reduce((sum, n) => sum + 16 + 16 * n.versions.length, 0);
  const shstrAt = verneedAt + verneedSize;
  const sectionsAt = align(shstrAt + shstr.size, 8);
  const entrySize = is64 ? 64 : 40;
  const bytes = new Uint8Array(sectionsAt + 4 * entrySize);
  const view = new DataView(bytes.buffer);
  const u16 = (at: number, v: number) => view.setUint16(at, v, little);
  const u32 = (at: number, v: number) => view.setUint32(at, v, little);
  const word = (at: number, v: number) => (is64 ? view.setBigUint64(at, BigInt(v), little) : u32(at, v));

  bytes.set([0x7f, 0x45, 0x4c, 0x46, is64 ? 2 : 1, little ? 1 : 2, 1]);
  u16(0x10, 3); // ET_DYN
  u16(0x12, is64 ? 0x3e : 0x03); // x86-64, i386
  u32(0x14, 1);
  word(is64 ? 0x28 : 0x20, sectionsAt);
  u16(is64 ? 0x34 : 0x28, headerSize);
  u16(is64 ? 0x3a : 0x2e, entrySize);
  u16(is64 ? 0x3c : 0x30, 4);
  u16(is64 ? 0x3e : 0x32, 3);

  bytes.set(dynstr.bytes(), dynstrAt);
  bytes.set(shstr.bytes(), shstrAt);
  let at = verneedAt;
  names.forEach((n, i) => {
    const size = 16 + 16 * n.versions.length;
    u16(at, 1);
    u16(at + 2, n.versions.length);
    u32(at + 4, n.file);
    u32(at + 8, 16);
    u32(at + 12, i === names.length - 1 ? 0 : size);
    n.versions.forEach((version, k) => {
      const aux = at + 16 + 16 * k;
      u32(aux, elfHash(version.v));
      u16(aux + 6, 2 + k);
      u32(aux + 8, version.at);
      u32(aux + 12, k === n.versions.length - 1 ? 0 : 16);
    });
    at += size;
  });

  const section = (i: number, s: { name: number; type: number; offset: number; size: number; link?: number; info?: number; align: number }) => {
    const h = sectionsAt + i * entrySize;
    u32(h, s.name);
    u32(h + 4, s.type);
    if (is64) {
      word(h + 24, s.offset);
      word(h + 32, s.size);
      u32(h + 40, s.link ?? 0);
      u32(h + 44, s.info ?? 0);
      word(h + 48, s.align);
    } else {
      u32(h + 16, s.offset);
      u32(h + 20, s.size);
      u32(h + 24, s.link ?? 0);
      u32(h + 28, s.info ?? 0);
      u32(h + 32, s.align);
    }
  };
  section(1, { name: sectionNames[0]!, type: 3, offset: dynstrAt, size: dynstr.size, align: 1 });
  section(2, { name: sectionNames[1]!, type: 0x6ffffffe, offset: verneedAt, size: verneedSize, link: 1, info: names.length, align: 8 });
  section(3, { name: sectionNames[2]!, type: 3, offset: shstrAt, size: shstr.size, align: 1 });
  return bytes;
}

class StringTable {
  private text = '\0';
  get size(): number {
    return this.text.length;
  }
  add(s: string): number {
    const at = this.text.length;
    this.text += `${s}\0`;
    return at;
  }
  bytes(): Uint8Array {
    return Buffer.from(this.text, 'latin1');
  }
}

function align(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}

/** The System V ELF hash that Vernaux entries carry. */
function elfHash(name: string): number {
  let h = 0;
  for (const c of Buffer.from(name, 'latin1')) {
    h = ((h << 4) + c) >>> 0;
    const g = h & 0xf0000000;
    if (g) h ^= g >>> 24;
    h = (h & ~g) >>> 0;
  }
  return h;
}
