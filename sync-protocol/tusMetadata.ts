/** tus Upload-Metadata: comma-separated "key base64value" pairs (a key may appear without value). */
export function encodeUploadMetadata(entries: Record<string, string>): string {
  return Object.entries(entries)
    .map(([key, value]) => `${key} ${Buffer.from(value, 'utf8').toString('base64')}`)
    .join(',');
}

export function decodeUploadMetadata(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const pair of header.split(',')) {
    const [key, value] = pair.trim().split(' ');
    if (!key || !/^[\x21-\x7e]+$/.test(key)) throw new Error(`bad Upload-Metadata key "${key ?? ''}"`);
    if (value !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) throw new Error(`bad Upload-Metadata value for ${key}`);
    out[key] = value === undefined ? '' : Buffer.from(value, 'base64').toString('utf8');
  }
  return out;
}
