/** Where an online application was made: the 救助通 mini-program, or a 网格员's phone (sync-protocol/records/applicationOnline.ts). */
export const ONLINE_APPLICATION_SOURCES = ['miniProgram', 'gridWorker'] as const;
export type OnlineApplicationSource = (typeof ONLINE_APPLICATION_SOURCES)[number];
