import { el, replaceChildren } from '../common/dom';
import { startPage } from '../common/page-frame';
import { renderAccessLog } from './access-log-view';
import { renderEvidence } from './evidence-view';

startPage({
  mayOpen: (viewer) => viewer.ability.can('read', 'AuditEvent'),
  notForRole: 'The audit pages are for auditors: they are not for your role.',
  render: async (main) => {
    const evidence = el('div', { id: 'policy-evidence' });
    const log = el('div', { id: 'access-log' });
    replaceChildren(
      main,
      el('h1', {}, 'Audit'),
      el('section', { class: 'audit-section' }, el('h2', {}, 'Policy evidence'), evidence),
      el('section', { class: 'audit-section' }, el('h2', {}, 'Access log'), log),
    );
    renderAccessLog(log);
    await renderEvidence(evidence);
  },
});
