import type { z } from 'zod';
import type { MethodSpec } from './define';
import type { MethodName } from './names';
import { appInfo } from './methods/app';
import { idNumberCheck } from './methods/idNumber';

/**
 * Every method of the API, by name. Shells, the preload and the renderer all derive from this
 * object; a method that is not here cannot be called.
 */
export const METHODS = {
  'app.info': appInfo,
  'idNumber.check': idNumberCheck,
} as const satisfies Record<MethodName, MethodSpec>;

export type Methods = typeof METHODS;
export { METHOD_NAMES, isMethodName, type MethodName } from './names';
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
