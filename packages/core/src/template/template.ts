export type TemplateKind = 'template' | 'macro' | 'answer';

/** A canned reply, a macro or a knowledge-base answer, per language, with `{{variables}}`. */
export interface Template {
  id: string;
  workspaceId: string;
  kind: TemplateKind;
  name: string;
  /** For knowledge-base answers: the category it answers. */
  category: string | null;
  language: string;
  body: string;
  /** Knowledge-base answers are sent automatically only above this triage confidence. */
  autoAnswerThreshold: number | null;
}
