/** Messages of the idcard capability. Error codes live under `errors`; each key is an ErrorCode. */
export const idcard = {
  errors: {},
} as const;
