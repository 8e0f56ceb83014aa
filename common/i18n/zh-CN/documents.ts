/** Messages of the documents capability. Error codes live under `errors`; each key is an ErrorCode. */
export const documents = {
  errors: {},
} as const;
