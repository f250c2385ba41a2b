/**
 * Just enough of the protobuf wire format and of `onnx.proto` (field numbers from the ONNX repository,
 * `onnx/onnx.proto`) to write a small model in a test, without a dependency on a protobuf library.
 */

type Bytes = Uint8Array;

const concat = (parts: readonly Bytes[]): Bytes => {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

const varint = (value: number | bigint): Bytes => {
  // Negative int64 values are written as their two's complement, ten bytes long.
  let rest = BigInt.asUintN(64, BigInt(value));
  const bytes: number[] = [];
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    bytes.push(rest === 0n ? low : low | 0x80);
  } while (rest !== 0n);
  return Uint8Array.from(bytes);
};

const wireVarint = 0;
const wireLengthDelimited = 2;

const key = (field: number, wireType: number): Bytes => varint((field << 3) | wireType);

const intField = (field: number, value: number | bigint): Bytes => concat([key(field, wireVarint), varint(value)]);

const bytesField = (field: number, value: Bytes): Bytes =>
  concat([key(field, wireLengthDelimited), varint(value.length), value]);

const stringField = (field: number, value: string): Bytes => bytesField(field, new TextEncoder().encode(value));

/** ONNX `TensorProto.DataType`. */
export const elementType = { float: 1, int64: 7 } as const;

/** A constant tensor (an initializer), its values little-endian in `raw_data`. */
export const tensor = (name: string, dims: readonly number[], values: Float32Array | BigInt64Array): Bytes =>
  concat([
    ...dims.map((dim) => intField(1, dim)),
    intField(2, values instanceof Float32Array ? elementType.float : elementType.int64),
    stringField(8, name),
    bytesField(9, new Uint8Array(values.buffer, values.byteOffset, values.byteLength)),
  ]);

/** A graph input or output; a string dimension is symbolic (`batch`, `sequence`). */
export const valueInfo = (name: string, type: number, dims: readonly (number | string)[]): Bytes => {
  const shape = concat(
    dims.map((dim) => bytesField(1, typeof dim === 'number' ? intField(1, dim) : stringField(2, dim))),
  );
  const tensorType = concat([intField(1, type), bytesField(2, shape)]);
  return concat([stringField(1, name), bytesField(2, bytesField(1, tensorType))]);
};

/** An integer attribute (`AttributeProto.type` INT = 2). */
export const intAttribute = (name: string, value: number): Bytes =>
  concat([stringField(1, name), intField(3, value), intField(20, 2)]);

export const node = (
  opType: string,
  inputs: readonly string[],
  outputs: readonly string[],
  attributes: readonly Bytes[] = [],
): Bytes =>
  concat([
    ...inputs.map((input) => stringField(1, input)),
    ...outputs.map((output) => stringField(2, output)),
    stringField(3, `${opType}_${outputs[0]}`),
    stringField(4, opType),
    ...attributes.map((attribute) => bytesField(5, attribute)),
  ]);

export interface GraphParts {
  nodes: readonly Bytes[];
  initializers: readonly Bytes[];
  inputs: readonly Bytes[];
  outputs: readonly Bytes[];
}

/** A whole `ModelProto`: IR version 8, default-domain opset 13. */
export const model = (graph: GraphParts): Bytes => {
  const graphBytes = concat([
    ...graph.nodes.map((part) => bytesField(1, part)),
    stringField(2, 'tiny'),
    ...graph.initializers.map((part) => bytesField(5, part)),
    ...graph.inputs.map((part) => bytesField(11, part)),
    ...graph.outputs.map((part) => bytesField(12, part)),
  ]);
  const opset = concat([stringField(1, ''), intField(2, 13)]);
  return concat([intField(1, 8), stringField(2, 'ascolta-test'), bytesField(7, graphBytes), bytesField(8, opset)]);
};
