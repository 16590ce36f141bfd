/** FNV-1a's offset basis and prime (32-bit): the one FNV-1a of the engine. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** Continues an FNV-1a hash `h` over the UTF-16 code units of `text`. */
export function fnv1aUpdate(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** FNV-1a over UTF-16 code units, as an unsigned 32-bit number. */
export function fnv1aHash(text: string): number {
  return fnv1aUpdate(FNV_OFFSET, text) >>> 0;
}

/** A content key with a low collision risk: two FNV-style hashes (different offsets and primes) and the length. */
export function contentHash(text: string): string {
  let h1 = FNV_OFFSET;
  let h2 = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, FNV_PRIME);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}:${text.length}`;
}
