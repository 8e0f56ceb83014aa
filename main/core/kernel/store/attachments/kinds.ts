import type { AttachmentMime } from './magic';

export interface AttachmentKindRule {
  maxBytes: number;
  mimes: readonly AttachmentMime[];
}

const IMAGES: readonly AttachmentMime[] = ['image/jpeg', 'image/png', 'image/webp'];
const MB = 1024 * 1024;

/** What each kind of attachment may be. Callers may pass their own table (configuration). */
export const DEFAULT_ATTACHMENT_KINDS: Readonly<Record<string, AttachmentKindRule>> = {
  'face-photo': { maxBytes: 2 * MB, mimes: IMAGES },
  'id-card-photo': { maxBytes: 1 * MB, mimes: IMAGES },
  'document-scan': { maxBytes: 10 * MB, mimes: [...IMAGES, 'application/pdf'] },
  signature: { maxBytes: 1 * MB, mimes: ['image/png', 'image/webp'] },
  'generated-pdf': { maxBytes: 20 * MB, mimes: ['application/pdf'] },
};
