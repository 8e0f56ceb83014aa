import { readFileSync } from 'node:fs';

/** What an ELF shared object needs from the system: libraries (DT_NEEDED) and symbol versions per library. */
export interface ElfNeeds {
  libraries: string[];
  /** e.g. { 'libc.so.6': ['GLIBC_2.2.5', 'GLIBC_2.34'] } — from the .gnu.version_r section. */
  versions: Record<string, string[]>;
}

const SHT_DYNAMIC = 6;
const SHT_GNU_VERNEED = 0x6ffffffe;
const DT_NEEDED = 1;

interface Section {
  type: number;
  offset: number;
  size: number;
  link: number;
  info: number;
}

/** Read the needs of an ELF file (little- or big-endian, 32 or 64 bits) from its section headers. */
export function elfNeeds(path: string): ElfNeeds {
  const buf = readFileSync(path);
  if (buf.readUInt32BE(0) !== 0x7f454c46) throw new Error(`${path}: not an ELF file`);
  const is64 = buf[4] === 2;
  const le = buf[5] === 1;
  const u16 = (o: number) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
  const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const word = (o: number) => (is64 ? Number(le ? buf.readBigUInt64LE(o) : buf.readBigUInt64BE(o)) : u32(o));

  const shoff = word(is64 ? 0x28 : 0x20);
  const shentsize = u16(is64 ? 0x3a : 0x2e);
  const shnum = u16(is64 ? 0x3c : 0x30);
  const sections: Section[] = [];
  for (let i = 0; i < shnum; i++) {
    const at = shoff + i * shentsize;
    sections.push(
      is64
        ? { type: u32(at + 4), offset: word(at + 24), size: word(at + 32), link: u32(at + 40), info: u32(at + 44) }
        : { type: u32(at + 4), offset: u32(at + 16), size: u32(at + 20), link: u32(at + 24), info: u32(at + 28) },
    );
  }
  const text = (table: Section, at: number) => {
    const start = table.offset + at;
    const end = buf.indexOf(0, start);
    return buf.toString('latin1', start, end < 0 ? start : end);
  };

  const libraries: string[] = [];
  for (const s of sections.filter((x) => x.type === SHT_DYNAMIC)) {
    const entry = is64 ? 16 : 8;
    for (let at = s.offset; at + entry <= s.offset + s.size; at += entry) {
      const tag = word(at);
      if (tag === 0) break;
      if (tag === DT_NEEDED) libraries.push(text(sections[s.link]!, word(at + (is64 ? 8 : 4))));
    }
  }

  const versions: Record<string, string[]> = {};
  for (const s of sections.filter((x) => x.type === SHT_GNU_VERNEED)) {
    const strings = sections[s.link]!;
    let at = s.offset;
    for (let n = 0; n < s.info; n++) {
      const count = u16(at + 2);
      const file = text(strings, u32(at + 4));
      let aux = at + u32(at + 8);
      const names = (versions[file] ??= []);
      for (let k = 0; k < count; k++) {
        names.push(text(strings, u32(aux + 8)));
        aux += u32(aux + 12);
      }
      const next = u32(at + 12);
      if (next === 0) break;
      at += next;
    }
  }
  return { libraries, versions };
}

/** Compare dotted versions numerically: 2.28 < 2.34, 3.4.25 < 3.4.29. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
