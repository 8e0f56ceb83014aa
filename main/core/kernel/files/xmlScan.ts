/**
 * A small XML scanner for the parts of an .xlsx (SpreadsheetML): element starts with their
 * attributes, ends, and text, in document order. No DTDs, no namespaces resolved (a prefixed name
 * is reported with its prefix cut off), entities limited to the five predefined ones and character
 * references — which is all SpreadsheetML writers produce. Comments, processing instructions and
 * CDATA are handled; anything else malformed stops the scan with an error.
 */
export interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const TOKEN =
  /<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*?)(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|([^<]+)/gy;

export function scanXml(xml: string, h: XmlHandler): void {
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < xml.length && (m = TOKEN.exec(xml)) !== null) {
    if (m[3] !== undefined) {
      if (m[1]) h.close(m[3]);
      else h.open(m[3], m[4] ?? '', m[5] === '/');
    } else if (m[6] !== undefined) h.text(m[6]);
    else if (m[7] !== undefined) h.text(decodeXml(m[7]));
  }
  if (TOKEN.lastIndex < xml.length) throw new Error(`malformed XML at ${TOKEN.lastIndex}`);
}

const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** One attribute's value (by local name: `r:id` is found as `id` only when asked for `r:id` or `id`). */
export function attr(attrs: string, name: string): string | undefined {
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(attrs)) !== null) {
    const key = m[1]!;
    if (key === name || key.slice(key.indexOf(':') + 1) === name) return decodeXml(m[2] ?? m[3] ?? '');
  }
  return undefined;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (all, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[ref] ?? all;
  });
}
