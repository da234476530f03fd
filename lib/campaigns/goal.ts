// A goal that rises as it is met: 100, 250, 500, 1k, 2.5k, 5k, 10k, 25k, …
const STEPS = [1, 2.5, 5];

export function goalFor(count: number): number {
  for (let scale = 100; ; scale *= 10) {
    for (const step of STEPS) {
      const goal = step * scale;
      if (goal > count) return goal;
    }
  }
}
