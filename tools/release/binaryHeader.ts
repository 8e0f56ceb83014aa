import { openSync, readSync, closeSync } from 'node:fs';

/** What a native file is built for, read from its header: the format and the CPU it runs on. */
export interface BinaryKind {
  format: 'elf' | 'pe' | 'macho' | 'unknown';
  /** Node's names (process.arch): x64, arm64, ia32, arm, loong64, riscv64, mips64el…; `other:<code>` otherwise. */
  arch: string;
  /** ELF only: 32 or 64 bits. */
  bits?: 32 | 64;
}

const ELF_MACHINES: Record<number, string> = {
  0x03: 'ia32',
  0x08: 'mips64el',
  0x28: 'arm',
  0x3e: 'x64',
  0xb7: 'arm64',
  0xf3: 'riscv64',
  0x102: 'loong64',
};
const PE_MACHINES: Record<number, string> = { 0x14c: 'ia32', 0x8664: 'x64', 0xaa64: 'arm64', 0x1c4: 'arm' };
const MACHO_MAGICS = new Set([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe, 0xbebafeca]);

/** The first bytes of a file (enough for every header this reads). */
export function readHead(path: string, length = 4096): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** ELF (Linux), PE (Windows) or Mach-O (macOS), and its CPU. */
export function binaryKind(head: Buffer): BinaryKind {
  if (head.length >= 20 && head.readUInt32BE(0) === 0x7f454c46) {
    const little = head[5] === 1;
    const machine = little ? head.readUInt16LE(18) : head.readUInt16BE(18);
    return { format: 'elf', arch: ELF_MACHINES[machine] ?? `other:0x${machine.toString(16)}`, bits: head[4] === 2 ? 64 : 32 };
  }
  if (head.length >= 0x40 && head.toString('latin1', 0, 2) === 'MZ') {
    const pe = head.readUInt32LE(0x3c);
    if (pe + 6 <= head.length && head.readUInt32BE(pe) === 0x50450000) {
      const machine = head.readUInt16LE(pe + 4);
      return { format: 'pe', arch: PE_MACHINES[machine] ?? `other:0x${machine.toString(16)}` };
    }
  }
  if (head.length >= 4 && MACHO_MAGICS.has(head.readUInt32BE(0))) return { format: 'macho', arch: 'other:macho' };
  return { format: 'unknown', arch: 'other:unknown' };
}
