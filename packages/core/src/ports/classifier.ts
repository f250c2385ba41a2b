import type { Triage, TriageInput } from '../triage/triage.ts';

/** Understands a message: the built-in models, an ONNX transformer or an LLM all fit here. */
export interface Classifier {
  readonly name: string;
  classify(input: TriageInput): Promise<Triage>;
}
