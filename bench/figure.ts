// One figure of `npm run bench`: what was measured, its value and unit, and the goal it is held against.
export type Figure = { id: string; name: string; value: number; unit: string; goal?: string };
