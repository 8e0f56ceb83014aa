import { chineseDateTime } from '../../../common/format/chineseDateHan';

/** antd tag colours of due statuses, results and outcomes. */
export const STATUS_COLOURS = { overdue: 'red', due: 'orange', later: 'default' } as const;
export const RESULT_COLOURS = { pass: 'success', review: 'warning', fail: 'error' } as const;
export const OUTCOME_COLOURS = { certified: 'success', failed: 'error' } as const;

/** When a remote certification was made, in China time: 2026年11月30日 10:05. */
export const chinaDateTime = (iso: string): string => chineseDateTime(new Date(Date.parse(iso) + 8 * 3_600_000).toISOString());
