// The verifier's WebAssembly kernel (wasm/edwards25519.ts, ADR 0003): loads it once, lays the inputs out
// in its memory and calls it. Public inputs only. Where WebAssembly is not available (or a browser
// refuses to compile synchronously), `edwardsKernel()` is null and callers use the BigInt code.
import { EDWARDS_WASM_BASE64 } from './edwards-wasm-binary.js';

interface KernelExports {
  readonly memory: WebAssembly.Memory;
  init(): void;
  heapBase(): number;
  affineValid(xy: number): number;
  ristrettoDecode(s: number, out: number): number;
  msmWorkBytes(n: number, c: number): number;
  msmIsNeutral(n: number, points: number, scalars: number, c: number, work: number): number;
}

/** Scalars below 2^253, points as affine x ‖ y (64 bytes little-endian). */
const POINT = 64;
const SCALAR = 32;
const PAGE = 65536;

/** The kernel with its memory: one arena above heapBase, laid out afresh by each call. */
export class EdwardsKernel {
  private readonly k: KernelExports;
  private readonly base: number;
  private mem: Uint8Array;
  private view: DataView;

  constructor(k: KernelExports) {
    this.k = k;
    k.init();
    this.base = k.heapBase();
    this.mem = new Uint8Array(k.memory.buffer);
    this.view = new DataView(k.memory.buffer);
  }

  /** Makes the arena at least `bytes` long. */
  private reserve(bytes: number): void {
    const need = this.base + bytes - this.k.memory.buffer.byteLength;
    if (need > 0) {
      this.k.memory.grow(Math.ceil(need / PAGE));
      this.mem = new Uint8Array(this.k.memory.buffer);
      this.view = new DataView(this.k.memory.buffer);
    }
  }

  /** Spec §2.2 commitment check: both coordinates below p and on the curve. */
  affineValid(xy: Uint8Array): boolean {
    this.reserve(POINT);
    this.mem.set(xy, this.base);
    return this.k.affineValid(this.base) === 1;
  }

  /** RFC 9496 decoding: the representative's affine x ‖ y, or undefined when not canonical/valid. */
  ristrettoDecode(bytes: Uint8Array): Uint8Array | undefined {
    this.reserve(32 + POINT);
    this.mem.set(bytes, this.base);
    if (this.k.ristrettoDecode(this.base, this.base + 32) !== 1) return undefined;
    return this.mem.slice(this.base + 32, this.base + 32 + POINT);
  }

  /** 8·Σ s_i P_i = 0? for points given as affine x ‖ y and scalars in [0, 2^253). */
  msmIsNeutral(points: readonly Uint8Array[], scalars: readonly bigint[]): boolean {
    const n = points.length;
    if (n === 0) return true;
    const c = windowWidth(n);
    const scalarsAt = n * POINT;
    const workAt = scalarsAt + n * SCALAR;
    this.reserve(workAt + this.k.msmWorkBytes(n, c));
    for (let i = 0; i < n; i++) this.mem.set(points[i]!, this.base + i * POINT);
    for (let i = 0; i < n; i++) this.writeScalar(this.base + scalarsAt + i * SCALAR, scalars[i]!);
    return this.k.msmIsNeutral(n, this.base, this.base + scalarsAt, c, this.base + workAt) === 1;
  }

  /** Writes 0 ≤ s < 2^256 as 32 bytes little-endian, eight hex digits at a time. */
  private writeScalar(at: number, s: bigint): void {
    if (s < 0n || s >> 253n !== 0n) throw new Error('EdwardsKernel: scalar out of range');
    const hex = s.toString(16);
    for (let w = 0, end = hex.length; w < 8; w++, end -= 8) {
      this.view.setUint32(
        at + 4 * w,
        end > 0 ? parseInt(hex.slice(Math.max(0, end - 8), end), 16) : 0,
        true,
      );
    }
  }
}

/**
 * Window width minimising n·⌈254/c⌉ mixed additions plus ⌈254/c⌉·2^c·9/7 for the buckets' running sums
 * (a full addition costs ≈ 9/7 of a mixed one); at most 16, the kernel's digit reader's limit.
 */
function windowWidth(n: number): number {
  let best = 1;
  let bestCost = Infinity;
  for (let c = 2; c <= 16; c++) {
    const windows = Math.ceil(254 / c);
    const cost = n * windows + (windows * 2 ** c * 9) / 7;
    if (cost < bestCost) {
      best = c;
      bestCost = cost;
    }
  }
  return best;
}

/** Exposed for `bench:crypto` and the tests: run with (true) or without (false) the kernel. */
let enabled = true;
let loaded: EdwardsKernel | null | undefined;

export function useEdwardsKernel(on: boolean): void {
  enabled = on;
}

/** The kernel, or null when WebAssembly cannot be used here (or is switched off). */
export function edwardsKernel(): EdwardsKernel | null {
  if (!enabled) return null;
  if (loaded === undefined) loaded = instantiate();
  return loaded;
}

function instantiate(): EdwardsKernel | null {
  if (typeof WebAssembly !== 'object') return null;
  try {
    const bytes = Uint8Array.from(atob(EDWARDS_WASM_BASE64), (ch) => ch.charCodeAt(0));
    const module = new WebAssembly.Module(bytes);
    const instance = new WebAssembly.Instance(module, {
      env: {
        abort: () => {
          throw new Error('edwards25519 kernel: abort');
        },
      },
    });
    return new EdwardsKernel(instance.exports as unknown as KernelExports);
  } catch {
    // e.g. a browser main thread refusing synchronous compilation: the BigInt code takes over
    return null;
  }
}
