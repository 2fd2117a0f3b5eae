export { evaluateForCaller, ydelseForCaller } from "./rules-api.server";
