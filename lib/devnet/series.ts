// A value that changes at known heights; queried as of any height by binary search.
export class Series<T> {
  readonly heights: number[] = [];
  readonly values: T[] = [];

  constructor(private readonly initial: T) {}

  set(height: number, value: T): void {
    const n = this.heights.length;
    if (n > 0 && this.heights[n - 1] === height) {
      this.values[n - 1] = value;
      return;
    }
    if (n > 0 && this.heights[n - 1]! > height) throw new Error(`series write out of order at ${height}`);
    this.heights.push(height);
    this.values.push(value);
  }

  /** Value after block `height` was committed. */
  at(height: number): T {
    const i = this.indexAt(height);
    return i < 0 ? this.initial : this.values[i]!;
  }

  latest(): T {
    return this.values.length ? this.values[this.values.length - 1]! : this.initial;
  }

  indexAt(height: number): number {
    let lo = 0;
    let hi = this.heights.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.heights[mid]! <= height) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  }
}

/** Map with a default factory, so ledgers can address series by composite keys. */
export class SeriesMap<T> {
  private readonly map = new Map<string, Series<T>>();

  constructor(private readonly initial: T) {}

  get(key: string): Series<T> {
    let s = this.map.get(key);
    if (!s) {
      s = new Series(this.initial);
      this.map.set(key, s);
    }
    return s;
  }

  peek(key: string): Series<T> | undefined {
    return this.map.get(key);
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }
}
