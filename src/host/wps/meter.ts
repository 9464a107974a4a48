/**
 * Counts calls into WPS. Each property read, property write and method call on an ET object crosses
 * from the page into WPS, so that is what is counted: the measure the Office adapter's syncs stand
 * for. Objects handed back (a Range, a Worksheet) are counted the same way; arrays (Value2) are data.
 */
export function countCalls<T extends object>(target: T): { proxy: T; calls: () => number } {
  let n = 0;
  const wrapped = new WeakMap<object, object>();
  const wrap = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const known = wrapped.get(v);
    if (known) return known;
    const p = new Proxy(v, {
      get(obj, key) {
        const value = Reflect.get(obj, key, obj) as unknown;
        if (typeof value === 'function') {
          return (...args: unknown[]) => {
            n++;
            return wrap((value as (...a: unknown[]) => unknown).apply(obj, args.map(unwrap)));
          };
        }
        n++;
        return wrap(value);
      },
      set(obj, key, value) {
        n++;
        return Reflect.set(obj, key, unwrap(value), obj);
      },
    });
    wrapped.set(v, p);
    originals.set(p, v);
    return p;
  };
  const originals = new WeakMap<object, object>();
  const unwrap = (v: unknown): unknown => (typeof v === 'object' && v !== null ? (originals.get(v) ?? v) : v);
  return { proxy: wrap(target) as T, calls: () => n };
}
