import type { z } from 'zod';
import { appInfo } from './methods/app';
import { idNumberCheck } from './methods/idNumber';

/**
 * Every method of the API, by name. Shells, the preload and the renderer all derive from this
 * object; a method that is not here cannot be called.
 */
export const METHODS = {
  'app.info': appInfo,
  'idNumber.check': idNumberCheck,
} as const;

export type Methods = typeof METHODS;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const METHOD_NAMES = Object.keys(METHODS) as MethodName[];

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(METHODS, name);
