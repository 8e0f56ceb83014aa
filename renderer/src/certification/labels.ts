/** antd tag colours of due statuses, results and outcomes. */
export const STATUS_COLOURS = { overdue: 'red', due: 'orange', later: 'default' } as const;
export const RESULT_COLOURS = { pass: 'success', review: 'warning', fail: 'error' } as const;
export const OUTCOME_COLOURS = { certified: 'success', failed: 'error' } as const;
