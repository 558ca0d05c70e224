import type { InterestDeclarationRecord } from './interest-declaration.entity';
import type { InterestDeclaration } from './panel.types';

export function presentDeclaration(r: InterestDeclarationRecord): InterestDeclaration {
  return { id: r.id, agendaItemId: r.agendaItemId, panelId: r.panelId, staffId: r.staffId, reason: r.reason, declaredAt: r.createdAt };
}
