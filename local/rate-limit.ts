// A token bucket per key, in memory: the local stand-in for API Gateway throttling of public endpoints.

export function tokenBucket(o: { capacity: number; refillPerSecond: number; maxKeys?: number }) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** Takes one token for `key`; false when the bucket is empty. */
    take(key: string, now = Date.now()): boolean {
      const b = buckets.get(key) ?? { tokens: o.capacity, at: now };
      b.tokens = Math.min(o.capacity, b.tokens + ((now - b.at) / 1000) * o.refillPerSecond);
      b.at = now;
      if (buckets.size >= (o.maxKeys ?? 10_000) && !buckets.has(key)) buckets.delete(buckets.keys().next().value!);
      buckets.set(key, b);
      if (b.tokens < 1) return false;
      b.tokens -= 1;
      return true;
    },
  };
}
