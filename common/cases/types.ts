import { z } from 'zod';
import type { AssistanceCategory } from '../documents/common';

/** The five assistance types of the national measures and their subtypes (DOMAIN.md). */
export const ASSISTANCE_TYPES = ['dibao', 'tekun', 'marginal', 'temporary', 'rigid'] as const;
export const assistanceTypeSchema = z.enum(ASSISTANCE_TYPES);
export type AssistanceType = z.infer<typeof assistanceTypeSchema>;

/** Subtypes per type; an empty list means the type has none. */
export const SUBTYPES = {
  dibao: ['urban', 'rural'],
  tekun: ['centralized', 'dispersed'],
  marginal: [],
  temporary: ['emergency', 'expense'],
  rigid: [],
} as const satisfies Record<AssistanceType, readonly string[]>;
export const subtypeSchema = z.enum(['urban', 'rural', 'centralized', 'dispersed', 'emergency', 'expense']);
export type Subtype = z.infer<typeof subtypeSchema>;

export const needsSubtype = (type: AssistanceType): boolean => SUBTYPES[type].length > 0;
export const subtypeFits = (type: AssistanceType, subtype: Subtype | undefined): boolean =>
  needsSubtype(type) ? subtype !== undefined && (SUBTYPES[type] as readonly string[]).includes(subtype) : subtype === undefined;

/** The category printed on notices (common/documents). */
export function documentCategory(type: AssistanceType, subtype: Subtype | undefined): AssistanceCategory {
  switch (type) {
    case 'dibao':
      return subtype === 'rural' ? 'dibao-rural' : 'dibao-urban';
    case 'tekun':
      return subtype === 'centralized' ? 'tekun-centralized' : 'tekun-dispersed';
    case 'temporary':
      return subtype === 'emergency' ? 'temporary-emergency' : 'temporary-expense';
    case 'marginal':
      return 'marginal';
    case 'rigid':
      return 'rigid-expense';
  }
}

/** How the application reached the counter. */
export const CHANNELS = ['counter', 'proxy', 'online'] as const;
export const channelKindSchema = z.enum(CHANNELS);
export type ChannelKind = z.infer<typeof channelKindSchema>;

/** Reasons an applicant gives (several may apply), coded so lists and statistics can count them. */
export const REASON_CODES = [
  'no_income',
  'low_income',
  'illness',
  'disability',
  'old_age',
  'unemployment',
  'disaster',
  'accident',
  'education',
  'other',
] as const;
export const reasonCodeSchema = z.enum(REASON_CODES);
