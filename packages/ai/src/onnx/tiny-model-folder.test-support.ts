import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { elementType, intAttribute, model, node, tensor, valueInfo } from './onnx-protobuf.test-support.ts';

export interface TinyModelSpec {
  /** `id2label` of the model, in logit order. */
  labels: readonly string[];
  /** Each known word adds these logits (one per label); unknown words add nothing. */
  wordLogits: Readonly<Record<string, readonly number[]>>;
  /** Adds a few large matrix products that depend on the input, so one inference takes a while. */
  slow?: boolean;
  /** `onnx/model.onnx`, as Transformers.js repositories have it, or `model.onnx` at the root, as Optimum exports it. */
  layout?: 'onnx-subfolder' | 'root';
}

const specialTokens = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

/**
 * A BERT-shaped text classifier small enough to write in a test: logits = mean over the tokens (masked
 * by `attention_mask`) of a per-token embedding whose width is the number of labels, then × identity + bias.
 */
const classifierGraph = (spec: TinyModelSpec, vocabulary: readonly string[]) => {
  const labelCount = spec.labels.length;
  const embeddings = new Float32Array(vocabulary.length * labelCount);
  vocabulary.forEach((token, row) => {
    const logits = spec.wordLogits[token];
    if (logits !== undefined) embeddings.set(logits, row * labelCount);
  });
  const identity = new Float32Array(labelCount * labelCount);
  for (let k = 0; k < labelCount; k += 1) identity[k * labelCount + k] = 1;
  const nodes = [
    node('Gather', ['embeddings', 'input_ids'], ['token_logits']),
    node('Cast', ['attention_mask'], ['mask'], [intAttribute('to', elementType.float)]),
    node('Unsqueeze', ['mask', 'last_axis'], ['mask_3d']),
    node('Mul', ['token_logits', 'mask_3d'], ['masked']),
    node('ReduceSum', ['masked', 'sequence_axis'], ['summed'], [intAttribute('keepdims', 0)]),
    node('ReduceSum', ['mask_3d', 'sequence_axis'], ['token_count'], [intAttribute('keepdims', 0)]),
    node('Div', ['summed', 'token_count'], ['pooled']),
    node('MatMul', ['pooled', 'head'], ['projected']),
    node('Add', ['projected', 'bias'], spec.slow ? ['fast_logits'] : ['logits']),
  ];
  const initializers = [
    tensor('embeddings', [vocabulary.length, labelCount], embeddings),
    tensor('head', [labelCount, labelCount], identity),
    tensor('bias', [labelCount], new Float32Array(labelCount)),
    tensor('last_axis', [1], BigInt64Array.from([2n])),
    tensor('sequence_axis', [1], BigInt64Array.from([1n])),
  ];
  if (spec.slow) {
    const slowPart = slowBranch();
    nodes.push(...slowPart.nodes, node('Add', ['fast_logits', 'slow_zero'], ['logits']));
    initializers.push(...slowPart.initializers);
  }
  return model({
    nodes,
    initializers,
    inputs: [
      valueInfo('input_ids', elementType.int64, ['batch', 'sequence']),
      valueInfo('attention_mask', elementType.int64, ['batch', 'sequence']),
    ],
    outputs: [valueInfo('logits', elementType.float, ['batch', labelCount])],
  });
};

/** A chain of 1024 × 1024 products of a zero matrix built from the input (so nothing folds at load time). */
const slowBranch = () => {
  const side = 1024;
  const nodes = [
    node('ReduceSum', ['pooled'], ['pooled_total'], [intAttribute('keepdims', 0)]),
    node('Mul', ['pooled_total', 'zero'], ['input_zero']),
    node('Expand', ['input_zero', 'square_shape'], ['square_0']),
  ];
  const rounds = 6;
  for (let round = 1; round <= rounds; round += 1) {
    nodes.push(node('MatMul', [`square_${round - 1}`, `square_${round - 1}`], [`square_${round}`]));
  }
  nodes.push(node('ReduceSum', [`square_${rounds}`], ['slow_zero'], [intAttribute('keepdims', 0)]));
  return {
    nodes,
    initializers: [
      tensor('zero', [], new Float32Array([0])),
      tensor('square_shape', [2], BigInt64Array.from([BigInt(side), BigInt(side)])),
    ],
  };
};

const tokenizerJson = (vocabulary: readonly string[]) => ({
  version: '1.0',
  truncation: null,
  padding: null,
  added_tokens: specialTokens.map((content, id) => ({
    id,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  })),
  normalizer: {
    type: 'BertNormalizer',
    clean_text: true,
    handle_chinese_chars: true,
    strip_accents: null,
    lowercase: true,
  },
  pre_tokenizer: { type: 'BertPreTokenizer' },
  post_processor: { type: 'BertProcessing', sep: ['[SEP]', 3], cls: ['[CLS]', 2] },
  decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
  model: {
    type: 'WordPiece',
    unk_token: '[UNK]',
    continuing_subword_prefix: '##',
    max_input_chars_per_word: 100,
    vocab: Object.fromEntries(vocabulary.map((token, id) => [token, id])),
  },
});

/** Writes a complete model folder (config, tokenizer, ONNX graph) into `dir` and returns `dir`. */
export const writeTinyModelFolder = (dir: string, spec: TinyModelSpec): string => {
  const vocabulary = [...specialTokens, ...Object.keys(spec.wordLogits)];
  const modelDir = spec.layout === 'root' ? dir : join(dir, 'onnx');
  mkdirSync(modelDir, { recursive: true });
  writeFileSync(join(modelDir, 'model.onnx'), classifierGraph(spec, vocabulary));
  const json = (name: string, value: unknown) => writeFileSync(join(dir, name), JSON.stringify(value, null, 2));
  json('config.json', {
    model_type: 'bert',
    architectures: ['BertForSequenceClassification'],
    id2label: Object.fromEntries(spec.labels.map((label, id) => [String(id), label])),
    label2id: Object.fromEntries(spec.labels.map((label, id) => [label, id])),
  });
  json('tokenizer.json', tokenizerJson(vocabulary));
  json('tokenizer_config.json', {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    model_max_length: 512,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
  });
  return dir;
};
