// Canonical JSON (spec §2.3): RFC 8785 restricted to safe integers, for everything hashed or signed.

/** A JSON value allowed in canonical JSON. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Serialises a value canonically: sorted keys, no whitespace, safe integers only. Throws on anything
 * else (a float, undefined, a function): callers hash only values they built.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '');
}

/** Appends the canonical form of value to out (one growing string: no per-level arrays or joins). */
function write(value: unknown, out: string): string {
  if (value === null) return out + 'null';
  switch (typeof value) {
    case 'boolean':
      return out + (value ? 'true' : 'false');
    case 'number':
      if (!Number.isSafeInteger(value) || Object.is(value, -0)) {
        throw new Error(`canonicalJson: expected a safe integer, got ${value}`);
      }
      return out + String(value);
    case 'string':
      return out + JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        out += '[';
        for (let i = 0; i < value.length; i++) out = write(value[i], i === 0 ? out : out + ',');
        return out + ']';
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      out += '{';
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        out = write(obj[k], `${i === 0 ? out : out + ','}${JSON.stringify(k)}:`);
      }
      return out + '}';
    }
    default:
      throw new Error(`canonicalJson: unsupported value of type ${typeof value}`);
  }
}

const encoder = new TextEncoder();

/** canonicalJson as UTF-8 bytes. */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return encoder.encode(canonicalJson(value));
}
