import type { ApplicantView } from '../../../common/contract/methods/applicant';
import type { MaterialsChecklist } from '../../../common/cases/materials';
import { findStandard, type CaseSettings, type StandardInForce } from '../../../common/cases/settings';
import { ASSISTANCE_TYPES } from '../../../common/cases/types';

/** The national social-assistance hotline, always shown. */
export const HOTLINE = '12349';

/**
 * 政策宣传 between applicants: the policy texts in force (the county's published ones, then the
 * admin's), the 低保 standards in force today for the station's region (the county's published or
 * local ones; none: the screen says 未设置), and what to bring for each type (the required items of
 * the checklist in force that apply to every household). The shipped placeholder standards are never
 * passed here: they are never shown to an applicant as if official.
 */
export function idleView(input: {
  viewId: string;
  stationName: string;
  regionCode: string;
  today: string;
  standards: StandardInForce[];
  checklist: MaterialsChecklist;
  notices: CaseSettings['policyNotices'];
}): ApplicantView {
  const { standards, checklist } = input;
  return {
    kind: 'idle',
    viewId: input.viewId,
    stationName: input.stationName,
    hotline: HOTLINE,
    notices: input.notices,
    standards: (['urban', 'rural'] as const).flatMap((residence) => {
      const s = findStandard(standards, input.regionCode, input.today, residence);
      return s ? [{ residence, monthlyFen: s.monthlyFen, year: s.year }] : [];
    }),
    materials: ASSISTANCE_TYPES.map((type) => ({
      type,
      items: checklist.types[type].filter((i) => i.required && i.when === 'always').map((i) => i.label),
    })),
  };
}
