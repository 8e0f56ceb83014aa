import { zhCN } from './zh-CN/index';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key of the catalog, e.g. 'errors.INVALID_INPUT'. */
export type MessageKey = Leaves<typeof zhCN>;
export type MessageParams = Record<string, string | number>;

/** Look a message up in the zh-CN catalog and fill its {{placeholders}}; a key it does not hold comes back as is. */
export function translate(key: MessageKey, params: MessageParams = {}): string {
  let node: unknown = zhCN;
  for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  if (typeof node !== 'string') return key;
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
