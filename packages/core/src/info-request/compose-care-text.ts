import { renderTemplate } from '../reply/render-template.ts';
import type { ToneOfVoice } from './care-texts.ts';

export interface CareTextContext {
  customerName: string;
  tone: ToneOfVoice;
  /** `fields`, `opening` and any other value the text uses. */
  values?: Readonly<Record<string, string>>;
}

/** Renders a care text: the tone first (it may name the customer), then the text with the tone in it. */
export const composeCareText = (template: string, context: CareTextContext): string => {
  const customer = { 'customer.name': context.customerName };
  const text = renderTemplate(template, {
    ...context.values,
    ...customer,
    'tone.greeting': renderTemplate(context.tone.greeting, customer),
    'tone.signOff': renderTemplate(context.tone.signOff, customer),
  });
  return text.replace(/\s+/g, ' ').trim();
};
