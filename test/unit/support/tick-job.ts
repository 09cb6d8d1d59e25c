// A job module for the scheduler test: records each run.
export const runs: { job: string; args: string[] }[] = [];
export const handler = async (event: { job: string; args: string[] }) => {
  runs.push(event);
  return { ok: true };
};
