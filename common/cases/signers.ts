import type { Application } from './application';
import { ageOn } from './age';

export interface RequiredSigner {
  idNumber: string;
  name: string;
  role: 'member' | 'supporter';
}

/**
 * Who must sign the authorization for the economic verification (家庭经济状况核对授权书):
 * every adult counted household member and, for 特困, every supporter (赡养/抚养/扶养义务人).
 */
export function requiredSigners(app: Application, today: string): RequiredSigner[] {
  const out: RequiredSigner[] = app.members
    .filter((m) => !m.excluded && ageOn(m.birthDate, today) >= 18)
    .map((m) => ({ idNumber: m.idNumber, name: m.name, role: 'member' as const }));
  if (app.type === 'tekun') for (const s of app.supporters) out.push({ idNumber: s.idNumber, name: s.name, role: 'supporter' });
  return out;
}
