/** Samples the process's memory every few ms, to catch the peak of a batch that a single read would miss. */
export interface MemorySample {
  rssMb: number;
  /** V8 heap used plus external (Buffers): the JS working set. */
  heapMb: number;
}

export interface MemorySampler {
  stop(): { peak: MemorySample; start: MemorySample };
}

const MB = 1024 * 1024;

export function readMemory(): MemorySample {
  const m = process.memoryUsage();
  return { rssMb: m.rss / MB, heapMb: (m.heapUsed + m.external) / MB };
}

export function startMemorySampler(intervalMs = 2): MemorySampler {
  const start = readMemory();
  const peak = { ...start };
  const timer = setInterval(() => {
    const now = readMemory();
    peak.rssMb = Math.max(peak.rssMb, now.rssMb);
    peak.heapMb = Math.max(peak.heapMb, now.heapMb);
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const now = readMemory();
      return { start, peak: { rssMb: Math.max(peak.rssMb, now.rssMb), heapMb: Math.max(peak.heapMb, now.heapMb) } };
    },
  };
}
