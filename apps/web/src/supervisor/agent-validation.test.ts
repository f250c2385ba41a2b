import { describe, expect, it } from 'vitest';
import { parseAgentForm } from './agent-validation.ts';

const valid = { capacity: 12, skills: ['billing'], languages: ['it', 'EN'], teamIds: ['t1'] };

describe('the agent settings form', () => {
  it('accepts capacity, skills, languages and teams as the API takes them', () => {
    expect(parseAgentForm(valid)).toEqual({
      patch: { capacity: 12, skills: ['billing'], languages: ['it', 'en'], teamIds: ['t1'] },
    });
  });

  it('names each wrong field', () => {
    expect(parseAgentForm({ ...valid, capacity: 501 })).toEqual({
      errors: { capacity: 'supervisor.agent.capacityRange' },
    });
    expect(parseAgentForm({ ...valid, capacity: '' })).toEqual({
      errors: { capacity: 'supervisor.agent.capacityRange' },
    });
    expect(parseAgentForm({ ...valid, capacity: 2.5, languages: ['italian'] })).toEqual({
      errors: { capacity: 'supervisor.agent.capacityRange', languages: 'supervisor.agent.languageCode' },
    });
  });
});
