// Binary search over sorted data, shared by the places that look up spans and sorted number lists.

/** The first index in [0, length) where `before(i)` is false, given it is true for a prefix and false after. */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index of an ascending list whose value is at least `value`. */
export function lowerBound(list: ArrayLike<number>, value: number): number {
  return partitionPoint(list.length, (i) => list[i]! < value);
}
