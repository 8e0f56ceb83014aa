/** Messages of the store capability. Error codes live under `errors`; each key is an ErrorCode. */
export const store = {
  errors: {},
} as const;
