// Plainly fictional surnames, so no demo person can be mistaken for a real one.
export const FICTIONAL_SURNAMES = [
  "Prøvesen", "Eksempelsen", "Demosen", "Testrup", "Fiktivsen", "Opdigtesen", "Skabelonsen", "Modelgaard",
  "Påskudsen", "Attrapsen", "Forsøgsen", "Udkastrup", "Pilotsen", "Mønstergaard", "Kladdesen", "Øvelsesen",
] as const;

export const FEMALE_NAMES = [
  "Anna", "Sofie", "Mette", "Camilla", "Louise", "Julie", "Maria", "Hanne", "Susanne", "Lene", "Ida", "Emma",
  "Birgitte", "Tina", "Karina", "Pia", "Jette", "Nadia", "Fatima", "Ayse",
] as const;

export const MALE_NAMES = [
  "Mads", "Peter", "Jens", "Lars", "Henrik", "Thomas", "Søren", "Morten", "Jesper", "Martin", "Kasper",
  "Brian", "Ole", "Niels", "Ali", "Mikkel", "Jonas", "Rasmus", "Ahmed", "Torben",
] as const;

export const STREETS = [
  "Prøvevej", "Eksempelgade", "Demoallé", "Testparken", "Skabelonvej", "Modelstien", "Kladdegade", "Pilotvej",
] as const;

export const NETWORK_RELATIONS = ["aegtefaelle", "foraelder", "barn", "soeskende", "ven"] as const;
