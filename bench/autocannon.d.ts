// autocannon ships no types; the bench uses a small part of its API (see bench/load.ts).
declare module "autocannon";
