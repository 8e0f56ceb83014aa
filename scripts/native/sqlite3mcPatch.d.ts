export const PATCH_ID: string;
export const EDITS: ReadonlyArray<{ what: string; anchor: string | RegExp; replace: (anchor: string) => string }>;
/** Apply the patch to an amalgamation text; throws when an anchor is not found exactly once. */
export function patchSqlite3mcSource(text: string): string;
/** Patch the file in place (idempotent); true when it changed the file. */
export function patchSqlite3mcFile(path: string): boolean;
export function isPatched(path: string): boolean;
