/** Messages of the sync capability. Error codes live under `errors`; each key is an ErrorCode. */
export const sync = {
  errors: {},
} as const;
