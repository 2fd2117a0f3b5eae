export { storeLetter, type LetterToStore } from "./store-letter.server";
export { dispatchOutbox } from "./dispatch-outbox.server";
export { fileSender } from "./file-sender.server";
export { readLetter, lettersOfCitizen } from "./read-letter.server";
export type { LetterSender, OutgoingLetter } from "./sender";
