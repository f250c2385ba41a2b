export { extractEntities, findPii } from './entities/extract-entities.ts';
export { crossValidate } from './evaluation/cross-validate.ts';
export { entityTestSetPath } from './evaluation/entity-test-set-path.ts';
export { accuracy, macroF1 } from './evaluation/macro-f1.ts';
export { type ExpectedEntity, scoreEntities } from './evaluation/score-entities.ts';
export { extractFeatures, type FeatureSpec, type SparseFeatures } from './features/extract-features.ts';
export { createLanguageDetector, type DetectedLanguage, supportedLanguages } from './language/detect-language.ts';
export { createLlmClassifier, type LlmClassifierOptions } from './llm/create-llm-classifier.ts';
export type { CompanyModel } from './model/company-model.ts';
export { argmax, type LinearModel, predictProbabilities } from './model/linear-model.ts';
export { seededRandom, shuffleInPlace, trainLinearModel } from './model/train-linear-model.ts';
export { createOnnxClassifier, type OnnxClassifierOptions } from './onnx/create-onnx-classifier.ts';
export { type OnnxLabelMapping, type OnnxLabelTarget, onnxLabelMapping } from './onnx/onnx-label-mapping.ts';
export {
  type AnyCompanyModel,
  type CompanyClassifier,
  type CompanyPrediction,
  companyClassifier,
  loadCompanyModel,
  saveCompanyModel,
} from './training/company-model-files.ts';
export { feedbackToRows } from './training/feedback-to-rows.ts';
export { parseLabelledFiles, parseLabelledLines } from './training/parse-labelled-lines.ts';
export { readBuiltinSources, umsabFolders } from './training/read-builtin-sources.ts';
export {
  builtinHints,
  type CompanyTrainingOptions,
  companyTrainingOptions,
  type HintSource,
  trainCompanyModel,
} from './training/train-company-model.ts';
export type { LabelledText } from './training/train-text-classifier.ts';
export { builtinModelVersion, writeBuiltinModels } from './training/write-builtin-models.ts';
export { type BuiltinTriage, createBuiltinTriage } from './triage/create-builtin-triage.ts';
export { builtinModelsDir, loadBuiltinTriage } from './triage/load-builtin-triage.ts';
export {
  type CompanyModelField,
  type CompanyModelOptions,
  companyModelFields,
  withCompanyModel,
} from './triage/with-company-model.ts';
export { detectUrgency } from './urgency/detect-urgency.ts';
