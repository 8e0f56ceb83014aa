import type { ApplicantView } from '../../../common/contract/methods/applicant';
import { findStandard, type CaseSettings } from '../../../common/cases/settings';
import { ASSISTANCE_TYPES } from '../../../common/cases/types';
import type { CaseResources } from '../cases/resources';

/** The national social-assistance hotline, always shown. */
export const HOTLINE = '12349';

/**
 * 政策宣传 between applicants, from the county settings: the admin's notices, the local 低保
 * standards the county set for the station's region this year (none: the screen says 未设置), and what to bring for each type
 * (the required items of the checklist that apply to every household).
 */
export function idleView(input: {
  viewId: string;
  stationName: string;
  regionCode: string;
  year: number;
  settings: CaseSettings;
  resources: CaseResources;
}): ApplicantView {
  const { settings, resources } = input;
  // Only the county's own standards: the shipped reference figures are placeholders, never shown to
  // an applicant as if official (the screen says 未设置 until the county sets its standard).
  const standards = settings.standards;
  const checklist = settings.materials ?? resources.materials;
  return {
    kind: 'idle',
    viewId: input.viewId,
    stationName: input.stationName,
    hotline: HOTLINE,
    notices: settings.policyNotices,
    standards: (['urban', 'rural'] as const).flatMap((residence) => {
      const s = findStandard(standards, input.regionCode, input.year, residence);
      return s ? [{ residence, monthlyFen: s.monthlyFen, year: s.year }] : [];
    }),
    materials: ASSISTANCE_TYPES.map((type) => ({
      type,
      items: checklist.types[type].filter((i) => i.required && i.when === 'always').map((i) => i.label),
    })),
  };
}
