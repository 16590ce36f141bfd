// How a result part crosses from a Web Worker to the host: JSON text in a transferred buffer, so the
// host decodes one part per turn of its event loop instead of one structured clone of the whole
// result at once. The analysis is plain data (numbers, strings, null, arrays, objects): JSON keeps it
// exactly. Pure: no vscode, no Node.
import type { AnalysisPart } from './analysisMessages';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeJsonPart(part: AnalysisPart): ArrayBuffer {
  const bytes = encoder.encode(JSON.stringify(part));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export function decodeJsonPart(buffer: ArrayBuffer): AnalysisPart {
  return JSON.parse(decoder.decode(new Uint8Array(buffer))) as AnalysisPart;
}
