import type { FieldErrors, FieldValue } from './settings-validation.ts';

export interface AgentFormValues {
  capacity: FieldValue;
  skills: readonly string[];
  languages: readonly string[];
  teamIds: readonly string[];
}

export interface AgentPatch {
  capacity: number;
  skills: string[];
  languages: string[];
  teamIds: string[];
}

/** The rules of `agentPatchBody`, checked field by field before saving so each gets its own message. */
export const parseAgentForm = (form: AgentFormValues): { patch: AgentPatch } | { errors: FieldErrors } => {
  const errors: FieldErrors = {};
  const capacity = typeof form.capacity === 'number' ? form.capacity : Number(form.capacity);
  if (String(form.capacity).trim() === '' || !Number.isInteger(capacity) || capacity < 0 || capacity > 500) {
    errors.capacity = 'supervisor.agent.capacityRange';
  }
  const languages = form.languages.map((code) => code.trim().toLowerCase());
  if (languages.some((code) => !/^[a-z]{2}$/.test(code))) errors.languages = 'supervisor.agent.languageCode';
  const skills = form.skills.map((skill) => skill.trim());
  if (skills.some((skill) => skill === '' || skill.length > 100)) errors.skills = 'supervisor.agent.skillName';
  if (Object.keys(errors).length > 0) return { errors };
  return { patch: { capacity, skills, languages: [...new Set(languages)], teamIds: [...form.teamIds] } };
};
