import { DomainError } from '../errors/domain-error.ts';

/** Values a template may use, by dotted name: `customer.name`, `ticket.number`, `agent.name`… */
export type TemplateVariables = Readonly<Record<string, string | number | null>>;

const placeholder = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;

/**
 * Fills `{{name}}` placeholders in one pass, so a value that itself contains `{{…}}` (a customer's
 * display name, say) is inserted literally and never expanded. Unknown names throw `invalid-input`
 * listing all of them, so a broken template is caught before anything is sent.
 */
export const renderTemplate = (body: string, variables: TemplateVariables): string => {
  const unknown = [...body.matchAll(placeholder)]
    .map((match) => match[1] ?? '')
    .filter((name) => !Object.hasOwn(variables, name));
  if (unknown.length > 0) {
    const names = [...new Set(unknown)];
    throw new DomainError('invalid-input', `Unknown template variables: ${names.join(', ')}`, {
      unknownVariables: names,
    });
  }
  return body.replace(placeholder, (_match, name: string) => String(variables[name] ?? ''));
};
