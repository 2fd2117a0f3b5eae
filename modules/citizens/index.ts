// Client-safe public API of the citizens module: types, constants and pure helpers. Use cases are in index.server.ts.
export {
  PREVIOUS_BENEFITS,
  PREVIOUS_BENEFIT_KEYS,
  RELATIONS,
  RELATION_KEYS,
  CitizenInput,
  type Citizen,
  type CitizenListItem,
  type NetworkPerson,
  type PreviousBenefit,
  type Relation,
} from "./citizen";
export { checkCpr, maskCpr } from "./cpr";
