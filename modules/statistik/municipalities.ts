/**
 * Denmark's 98 municipalities: the public 3-digit municipality code, the name and the region. Used to group the
 * comparison checkboxes on the statistics pages (ST-1..ST-7) and by the national data generator (cli/seed-national.ts).
 *
 * `population` is an approximate number of inhabitants in thousands (order of magnitude, around 2024). It only
 * weighs the generated, synthetic data; the statistics never read it: population figures for ST-6 come from
 * population_figures, entered or imported by an admin.
 */
export const REGIONS = {
  hovedstaden: "Region Hovedstaden",
  sjaelland: "Region Sjælland",
  syddanmark: "Region Syddanmark",
  midtjylland: "Region Midtjylland",
  nordjylland: "Region Nordjylland",
  other: "Øvrige kommuner",
} as const;
export type Region = keyof typeof REGIONS;

export interface DanishMunicipality {
  code: string;
  name: string;
  region: Exclude<Region, "other">;
  population: number;
}

/** Official names that are not "<name> Kommune". */
const OFFICIAL_NAMES: Record<string, string> = { "101": "Københavns Kommune", "400": "Bornholms Regionskommune" };

const H = "hovedstaden";
const S = "sjaelland";
const SD = "syddanmark";
const M = "midtjylland";
const N = "nordjylland";

export const DANISH_MUNICIPALITIES: readonly DanishMunicipality[] = (
  [
    ["101", "København", H, 660],
    ["147", "Frederiksberg", H, 104],
    ["151", "Ballerup", H, 52],
    ["153", "Brøndby", H, 39],
    ["155", "Dragør", H, 14.5],
    ["157", "Gentofte", H, 75],
    ["159", "Gladsaxe", H, 70],
    ["161", "Glostrup", H, 24],
    ["163", "Herlev", H, 30],
    ["165", "Albertslund", H, 28],
    ["167", "Hvidovre", H, 54],
    ["169", "Høje-Taastrup", H, 58],
    ["173", "Lyngby-Taarbæk", H, 57],
    ["175", "Rødovre", H, 41],
    ["183", "Ishøj", H, 24],
    ["185", "Tårnby", H, 44],
    ["187", "Vallensbæk", H, 17],
    ["190", "Furesø", H, 41],
    ["201", "Allerød", H, 26],
    ["210", "Fredensborg", H, 41],
    ["217", "Helsingør", H, 63],
    ["219", "Hillerød", H, 53],
    ["223", "Hørsholm", H, 25],
    ["230", "Rudersdal", H, 57],
    ["240", "Egedal", H, 44],
    ["250", "Frederikssund", H, 46],
    ["253", "Greve", S, 51],
    ["259", "Køge", S, 62],
    ["260", "Halsnæs", H, 31],
    ["265", "Roskilde", S, 90],
    ["269", "Solrød", S, 24],
    ["270", "Gribskov", H, 41],
    ["306", "Odsherred", S, 33],
    ["316", "Holbæk", S, 73],
    ["320", "Faxe", S, 37],
    ["326", "Kalundborg", S, 48],
    ["329", "Ringsted", S, 36],
    ["330", "Slagelse", S, 80],
    ["336", "Stevns", S, 23],
    ["340", "Sorø", S, 30],
    ["350", "Lejre", S, 29],
    ["360", "Lolland", S, 40],
    ["370", "Næstved", S, 84],
    ["376", "Guldborgsund", S, 60],
    ["390", "Vordingborg", S, 45],
    ["400", "Bornholm", H, 39],
    ["410", "Middelfart", SD, 40],
    ["420", "Assens", SD, 41],
    ["430", "Faaborg-Midtfyn", SD, 52],
    ["440", "Kerteminde", SD, 24],
    ["450", "Nyborg", SD, 32],
    ["461", "Odense", SD, 210],
    ["479", "Svendborg", SD, 59],
    ["480", "Nordfyns", SD, 29],
    ["482", "Langeland", SD, 12],
    ["492", "Ærø", SD, 6],
    ["510", "Haderslev", SD, 56],
    ["530", "Billund", SD, 27],
    ["540", "Sønderborg", SD, 74],
    ["550", "Tønder", SD, 37],
    ["561", "Esbjerg", SD, 116],
    ["563", "Fanø", SD, 3.5],
    ["573", "Varde", SD, 50],
    ["575", "Vejen", SD, 43],
    ["580", "Aabenraa", SD, 59],
    ["607", "Fredericia", SD, 52],
    ["615", "Horsens", M, 100],
    ["621", "Kolding", SD, 95],
    ["630", "Vejle", SD, 122],
    ["657", "Herning", M, 90],
    ["661", "Holstebro", M, 59],
    ["665", "Lemvig", M, 19],
    ["671", "Struer", M, 20.5],
    ["706", "Syddjurs", M, 43],
    ["707", "Norddjurs", M, 37],
    ["710", "Favrskov", M, 50],
    ["727", "Odder", M, 24],
    ["730", "Randers", M, 99],
    ["740", "Silkeborg", M, 100],
    ["741", "Samsø", M, 3.7],
    ["746", "Skanderborg", M, 65],
    ["751", "Aarhus", M, 367],
    ["756", "Ikast-Brande", M, 42],
    ["760", "Ringkøbing-Skjern", M, 56],
    ["766", "Hedensted", M, 47],
    ["773", "Morsø", N, 20],
    ["779", "Skive", M, 46],
    ["787", "Thisted", N, 43],
    ["791", "Viborg", M, 98],
    ["810", "Brønderslev", N, 36],
    ["813", "Frederikshavn", N, 58],
    ["820", "Vesthimmerlands", N, 36],
    ["825", "Læsø", N, 1.7],
    ["840", "Rebild", N, 30],
    ["846", "Mariagerfjord", N, 41],
    ["849", "Jammerbugt", N, 38],
    ["851", "Aalborg", N, 222],
    ["860", "Hjørring", N, 64],
  ] as const
).map(([code, name, region, population]) => ({ code, name: OFFICIAL_NAMES[code] ?? `${name} Kommune`, region, population }));

const BY_CODE = new Map(DANISH_MUNICIPALITIES.map((m) => [m.code, m]));

export function danishMunicipality(code: string): DanishMunicipality | undefined {
  return BY_CODE.get(code);
}

/** The region a municipality belongs to; municipalities that are not among the 98 (demo, test) are "other". */
export function regionOf(code: string): Region {
  return BY_CODE.get(code)?.region ?? "other";
}
