// How a result part crosses from the Node worker thread to the host: v8's serializer, into a buffer
// that is transferred without a copy. (A Web Worker uses JSON text: partCodecJson.ts.)
import { deserialize, serialize } from 'v8';
import type { AnalysisPart } from './analysisMessages';

export function encodeV8Part(part: AnalysisPart): ArrayBuffer {
  const bytes = serialize(part);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export function decodeV8Part(buffer: ArrayBuffer): AnalysisPart {
  return deserialize(new Uint8Array(buffer)) as AnalysisPart;
}
