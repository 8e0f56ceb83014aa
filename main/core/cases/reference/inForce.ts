import type { MaterialsChecklist } from '../../../../common/cases/materials';
import {
  materialsTableSchema,
  policyTextsTableSchema,
  REFERENCE_TABLES,
  standardsTableSchema,
  type ReferenceInfo,
} from '../../../../common/cases/referenceTables';
import type { CaseSettings, StandardInForce } from '../../../../common/cases/settings';
import { ASSISTANCE_TYPES } from '../../../../common/cases/types';
import type { Db } from '../../kernel/store/types';
import { PublishedReferenceRepo, type PublishedVersion } from './publishedReferenceRepo';

type PolicyNotice = CaseSettings['policyNotices'][number];

/** The version in force on `today`: the newest one whose effective day has come. */
const inForce = (versions: PublishedVersion[], today: string): PublishedVersion | undefined =>
  versions.find((v) => v.effectiveFrom <= today);

/**
 * The published standards (the newest version of table `standards` is the county's whole table; each
 * row applies from its own day) followed by the local ones; findStandard prefers the published.
 */
export function standardsWithPublished(db: Db, local: StandardInForce[]): StandardInForce[] {
  const latest = new PublishedReferenceRepo(db).versions(REFERENCE_TABLES.standards)[0];
  if (!latest) return local;
  const published = standardsTableSchema.parse(latest.data).standards.map((s) => ({
    ...s,
    year: Number(s.effectiveFrom.slice(0, 4)),
    version: latest.version,
  }));
  return [...published, ...local];
}

/** The checklist of each assistance type: the county's published one in force today replaces the station's (or the shipped) one. */
export function checklistWithPublished(db: Db, base: MaterialsChecklist, today: string): MaterialsChecklist {
  const v = inForce(new PublishedReferenceRepo(db).versions(REFERENCE_TABLES.materials), today);
  if (!v) return base;
  const published = materialsTableSchema.parse(v.data);
  return {
    source: published.source ?? base.source,
    types: Object.fromEntries(ASSISTANCE_TYPES.map((t) => [t, published.types[t] ?? base.types[t]])) as MaterialsChecklist['types'],
  };
}

/** The 政策宣传 texts: the county's published set in force today first, then the station's own (a title published wins). */
export function policyNoticesWithPublished(db: Db, local: PolicyNotice[], today: string): PolicyNotice[] {
  const v = inForce(new PublishedReferenceRepo(db).versions(REFERENCE_TABLES.policyTexts), today);
  if (!v) return local;
  const published = policyTextsTableSchema.parse(v.data).notices;
  return [...published, ...local.filter((n) => !published.some((p) => p.title === n.title))];
}

/** Every published version of the three tables, newest first, the one in force marked (the settings page). */
export function referenceInfo(db: Db, today: string): ReferenceInfo {
  const repo = new PublishedReferenceRepo(db);
  const listed = (table: (typeof REFERENCE_TABLES)[keyof typeof REFERENCE_TABLES]) => {
    const versions = repo.versions(table);
    const current = table === REFERENCE_TABLES.standards ? versions[0] : inForce(versions, today);
    return versions.map((v) => ({
      meta: {
        version: v.version,
        publishedBy: v.publishedBy,
        publishedAt: v.publishedAt,
        receivedAt: v.receivedAt,
        effectiveFrom: v.effectiveFrom,
        inForce: v === current,
      },
      data: v.data,
    }));
  };
  return {
    standards: listed(REFERENCE_TABLES.standards).map(({ meta, data }) => ({ ...meta, ...standardsTableSchema.parse(data) })),
    materials: listed(REFERENCE_TABLES.materials).map(({ meta, data }) => {
      const t = materialsTableSchema.parse(data);
      return { ...meta, types: ASSISTANCE_TYPES.filter((type) => t.types[type]), source: t.source ?? null };
    }),
    policyTexts: listed(REFERENCE_TABLES.policyTexts).map(({ meta, data }) => ({
      ...meta,
      notices: policyTextsTableSchema.parse(data).notices,
    })),
  };
}
