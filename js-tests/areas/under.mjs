// The vectors' runners read a list under a named key (`invoices[i]`, `records[i]`); the JS API
// takes the list as a positional argument and reports an item's error under `[i]`. This helper
// (the Python suite does the same) puts the key back in front of such a path and rethrows; any
// other error passes unchanged.
export function under(key, fn) {
  try {
    return fn();
  } catch (e) {
    if (Array.isArray(e?.path) && Number.isInteger(e.path[0])) e.path = [key, ...e.path];
    throw e;
  }
}
