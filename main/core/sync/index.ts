/** What other features use of sync: the transactional outbox and the store of pulled items. */
export { Outbox } from './outbox/outbox';
export { storePulledItem } from './engine/pullHandlers';
export { applyAttachmentsItem } from './engine/pulledAttachments';
export { insertResolution } from './engine/quarantineRepo';
