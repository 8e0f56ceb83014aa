import { z } from 'zod';
import type { Application } from './application';
import { ASSISTANCE_TYPES, type AssistanceType } from './types';

/**
 * The materials checklist per assistance type, as data (resources/cases/materials.json; a county
 * replaces it in the case settings). `when` makes an item apply only to some households.
 */
export const MATERIAL_CONDITIONS = ['always', 'proxy', 'disability', 'illness', 'student', 'supporters', 'related_party'] as const;

export const materialItemSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/),
  label: z.string().min(1).max(60),
  required: z.boolean(),
  when: z.enum(MATERIAL_CONDITIONS).default('always'),
});
export type MaterialItem = z.infer<typeof materialItemSchema>;

export const materialsChecklistSchema = z.object({
  source: z.string().optional(),
  types: z.object(
    Object.fromEntries(ASSISTANCE_TYPES.map((t) => [t, z.array(materialItemSchema).min(1)])) as Record<
      AssistanceType,
      z.ZodArray<typeof materialItemSchema>
    >,
  ),
});
export type MaterialsChecklist = z.infer<typeof materialsChecklistSchema>;

function applies(item: MaterialItem, app: Application): boolean {
  switch (item.when) {
    case 'always':
      return true;
    case 'proxy':
      return app.channel.kind === 'proxy';
    case 'disability':
      return app.members.some((m) => m.disability);
    case 'illness':
      return app.members.some((m) => m.seriousIllness);
    case 'student':
      return app.members.some((m) => m.student);
    case 'supporters':
      return app.supporters.length > 0;
    case 'related_party':
      return app.relatedParty.related;
  }
}

/** The items that apply to this application, each with what the clerk recorded. */
export function materialsFor(
  checklist: MaterialsChecklist,
  app: Application,
): Array<MaterialItem & { status: 'received' | 'missing' | 'not_applicable' }> {
  if (!app.type) return [];
  const recorded = new Map(app.materials.map((m) => [m.code, m.status]));
  return checklist.types[app.type]
    .filter((item) => applies(item, app))
    .map((item) => ({ ...item, status: recorded.get(item.code) ?? 'missing' }));
}

/** Required materials not yet received: what a 补正 notice lists. */
export const missingMaterials = (checklist: MaterialsChecklist, app: Application) =>
  materialsFor(checklist, app).filter((m) => m.required && m.status === 'missing');
