/**
 * Counts the characters a piece of code scans, so a test can bound its growth without timing it:
 * while `countWork` runs, String slice/substring add the length they copy, indexOf/lastIndexOf the
 * distance they search, and RegExp exec/test the part of the input they may read (from lastIndex
 * to the match end for global and sticky expressions, the whole input otherwise). Linear code
 * scans a text a constant number of times; quadratic code shows at once when the input grows.
 */
export function countWork(run: () => void): number {
  let work = 0;
  const proto = String.prototype;
  const slice = proto.slice;
  const substring = proto.substring;
  const indexOf = proto.indexOf;
  const lastIndexOf = proto.lastIndexOf;
  const exec = RegExp.prototype.exec;
  const test = RegExp.prototype.test;
  proto.slice = function (this: string, start?: number, end?: number): string {
    const out = slice.call(this, start, end);
    work += out.length;
    return out;
  };
  proto.substring = function (this: string, start: number, end?: number): string {
    const out = substring.call(this, start, end);
    work += out.length;
    return out;
  };
  proto.indexOf = function (this: string, search: string, from?: number): number {
    const at = indexOf.call(this, search, from);
    work += (at < 0 ? this.length : at) - Math.max(0, from ?? 0) + 1;
    return at;
  };
  proto.lastIndexOf = function (this: string, search: string, from?: number): number {
    const at = lastIndexOf.call(this, search, from);
    work += Math.min(this.length, from ?? this.length) - Math.max(0, at) + 1;
    return at;
  };
  const scanned = (re: RegExp, input: string, run: () => RegExpExecArray | null): RegExpExecArray | null => {
    const from = re.global || re.sticky ? re.lastIndex : 0;
    const m = run();
    const to = m === null ? input.length : re.global || re.sticky ? Math.max(re.lastIndex, from) : input.length;
    work += to - from + 1;
    return m;
  };
  RegExp.prototype.exec = function (this: RegExp, input: string): RegExpExecArray | null {
    return scanned(this, String(input), () => exec.call(this, input));
  };
  RegExp.prototype.test = function (this: RegExp, input: string): boolean {
    return scanned(this, String(input), () => exec.call(this, input)) !== null;
  };
  try {
    run();
  } finally {
    proto.slice = slice;
    proto.substring = substring;
    proto.indexOf = indexOf;
    proto.lastIndexOf = lastIndexOf;
    RegExp.prototype.exec = exec;
    RegExp.prototype.test = test;
  }
  return work;
}

/** How much more work a text `factor` times longer takes: about `factor` for linear code. */
export function growth(make: (n: number) => string, run: (text: string) => void, n: number, factor = 4): number {
  const smallText = make(n);
  const largeText = make(n * factor);
  const small = countWork(() => run(smallText));
  const large = countWork(() => run(largeText));
  return large / small;
}
