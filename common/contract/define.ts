import type { z } from 'zod';
import type { Permission } from './permissions';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** What the method does, for docs and the audit viewer. */
  summary: string;
  input: I;
  output: O;
  permission: Permission;
}

/**
 * Declare one contract method: its input and output schemas and the permission it needs. The permission
 * keeps its literal type, so core's handler of a method that needs a session is typed with one.
 */
export const defineMethod = <I extends z.ZodType, O extends z.ZodType, P extends Permission>(
  spec: MethodSpec<I, O> & { permission: P },
): MethodSpec<I, O> & { permission: P } => spec;
