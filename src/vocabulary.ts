/**
 * Every Swedish word `plan` writes for a value of its English vocabulary, and every Swedish
 * word it reads as one. The schema's enumerations are English (`partly-met`, `in-kind`); the
 * documents `plan` prints are Swedish. Each word is written here once, so that a label reads
 * the same in the page, the roll-up, the message and the schema's description.
 * This module imports nothing: every layer may use it.
 */

/** What each kind of document is called: its name as a heading and as a type, short, as a field label, and in running text, one and many. */
export const KIND = {
  agreement: { name: "Samverkansavtal", short: "Avtal", one: "samverkansavtal", many: "samverkansavtal" },
  plan: { name: "Verksamhetsplan", short: "Verksamhetsplan", one: "verksamhetsplan", many: "verksamhetsplaner" },
  report: { name: "Verksamhetsberättelse", short: "Verksamhetsberättelse", one: "verksamhetsberättelse", many: "verksamhetsberättelser" },
  memo: { name: "Tjänsteskrivelse", short: "Tjänsteskrivelse", one: "tjänsteskrivelse", many: "tjänsteskrivelser" },
  budget: { name: "Budget", short: "Budget", one: "budget", many: "budgetar" },
  meeting: { name: "Kallelse/föredragningslista", short: "Kallelse", one: "kallelse", many: "kallelser" },
  strategy: { name: "Strategi", short: "Strategi", one: "strategi", many: "strategier" },
  "multi-year-plan": { name: "Flerårig plan", short: "Flerårig plan", one: "flerårig plan", many: "fleråriga planer" },
  "action-plan": { name: "Handlingsplan", short: "Handlingsplan", one: "handlingsplan", many: "handlingsplaner" },
  "follow-up": { name: "Årlig uppföljning", short: "Uppföljning", one: "uppföljning", many: "uppföljningar" },
  form: { name: "Formulär", short: "Formulär", one: "formulär", many: "formulär" },
  fund: { name: "Social investeringsfond", short: "Fond", one: "social investeringsfond", many: "sociala investeringsfonder" },
  allocation: { name: "Medelsfördelning", short: "Medelsfördelning", one: "medelsfördelning", many: "medelsfördelningar" },
  "internal-control": { name: "Intern kontrollplan", short: "Intern kontroll", one: "intern kontrollplan", many: "interna kontrollplaner" },
  // Issue 14 (kinds): every kind has its names here, the indicator too (its page's heading).
  indicator: { name: "Indikator", short: "Indikator", one: "indikator", many: "indikatorer" },
} as const;

/**
 * A board's internal-control plan and its follow-up (seed 001, lines 1283-1331): the columns of
 * its table, the score as printed (`6 (2*3)`), and the headings of the scale below it.
 */
export const INTERNAL_CONTROL = {
  columns: {
    process: "Risk i process/rutin/system",
    controls: "Kontrollmoment",
    score: "Risk- och väsentlighetsbedömning",
    responsible: "Ansvarig för kontroll och rapportering",
    result: "Resultat av genomförd intern kontroll",
  },
  scale: "Skala för risk- och väsentlighetsbedömning",
  probability: "Risk",
  probabilityLevels: "Sannolikhetsnivåer för fel:",
  consequence: "Väsentlighet",
  consequenceLevels: "Påverkan på verksamheten/kostnaden om fel uppstår:",
  /** Read aloud beside the printed `6 (2 × 3)`: risk 2 gånger väsentlighet 3. */
  times: "gånger",
} as const;

/**
 * Where the decision on an item of a meeting is made (`decides`, the kallelse's *Beslutsorgan*):
 * `code` in the föredragningslista, `text` in its legend. The meeting's own board prints its
 * party's `short` (SN) and its own name.
 */
export const DECIDES = {
  board: { code: "", text: "slutgiltigt beslut fattas i" },
  KS: { code: "KS", text: "slutgiltigt beslut fattas i kommunstyrelsen" },
  KF: { code: "KF", text: "slutgiltigt beslut fattas i kommunfullmäktige" },
  info: { code: "Info", text: "Information" },
} as const;

/** How an item's documents reach the members (`delivery`): the mark in the kallelse's column *Handlingar bifogas*, and its legend. */
export const DELIVERY = {
  attached: { mark: "X", text: "Ett X markerar att handlingar finns bifogade i kallelsen." },
  shown: { mark: "VS", text: "VS markerar att handlingar presenteras vid sammanträdet." },
} as const;

/**
 * The words of a memo's proposal that send the decision on to another body: "överlämnas till
 * kommunfullmäktige", "lämnas vidare till kommunfullmäktige", "föreslår kommunstyrelsen".
 * Read by the rule `meeting/decides` (lower case, as the proposal is compared).
 */
export const PASSED_ON = {
  verbs: ["överlämnas till", "lämnas vidare till", "lämnas över till", "skickas vidare till", "föreslår", "hemställer hos", "hemställer om att"],
  bodies: { KF: "kommunfullmäktige", KS: "kommunstyrelsen" },
} as const;

/** The parts of a meeting's kallelse that are not numbered items, as it prints them. */
export const MEETING = {
  messages: "Meddelanden",
  messageList: "Meddelandeförteckning",
  delegations: "Delegeringsbeslut",
  none: "Inga handlingar",
} as const;

/** A form's page (`kind: form`): what it is the form of, its header fields and its optional sections. */
export const FORM = {
  for: "Mall för",
  fields: "Fält i sidhuvudet",
  required: "obligatoriskt",
  optional: "Valfria avsnitt",
  money: { required: "ska finnas", optional: "får finnas", absent: "saknas" },
} as const;

/** `1 verksamhetsplan`, `2 verksamhetsplaner`: a count of documents of a kind, in running text. */
export const documentCount = (count: number, kind: keyof typeof KIND) => `${count} ${count === 1 ? KIND[kind].one : KIND[kind].many}`;

/** A document's `status`: `short` in lists, `text` where the page states it. */
export const STATUS = {
  draft: { short: "utkast", text: "Utkast – inte beslutat" },
  decided: { short: "beslutad", text: "Beslutat" },
} as const;

/** Goal fulfilment (`status` of a report's goal) in words and as a symbol; the words alone say it, the symbol helps the eye. */
export const FULFILMENT = {
  met: { text: "Uppfyllt", symbol: "✓" },
  "partly-met": { text: "Delvis uppfyllt", symbol: "◐" },
  "not-met": { text: "Ej uppfyllt", symbol: "✗" },
  "not-assessed": { text: "Ej bedömt", symbol: "–", also: "ingen prognos kan lämnas" },
} as const;

/**
 * A board's verksamhetsberättelse, as seed 001 prints it: its parts (del 1 to kommunfullmäktige,
 * del 2 "Endast till nämnd"), each with its table of contents, kommunfullmäktige's goals above the
 * board's, the goal tables and the indicator annex.
 */
export const BOARD_REPORT = {
  contents: "Innehåll",
  goals: "Mål",
  goalsHeading: "Inriktningsmål och prioriterade mål",
  priorityGoal: "Prioriterat mål",
  priorityGoals: "Prioriterade mål",
  activityGoal: "Verksamhetsmål",
  notPassedOn: "Lämnas ej vidare till KF",
  fulfilledBy: "Uppfyllt per",
  comment: "Kommentar",
  annex: "Bilaga målindikatorer",
  indicator: "Målindikator",
  finalAccounts: "Boksl",
  activities: "Aktiviteter för måluppfyllelse",
  fulfilmentComment: "Kommentar till uppfyllelse",
  audience: { council: "Till kommunfullmäktige", board: "Endast till nämnd" },
  /** The caption of a goal table: `Prioriterade mål under mål 1`. */
  under: "under mål",
} as const;

/** The sexes of an indicator's values. */
export const SEX = {
  women: "Kvinnor/flickor",
  men: "Män/pojkar",
} as const;

/** How a party pays for a budget line (`financing`): its label, and the heading of its column of a party's amounts. */
export const FINANCING = {
  cash: { label: "Kontant", column: "varav kontant" },
  "in-kind": { label: "Schablonkostnad (egen personal)", column: "varav schablonkostnad" },
  referred: { label: "Hänvisas till annan budget", column: "varav hänvisat till annan budget" },
} as const;

/** A plan's budget lines that are no party's contribution (`income`): the heading of their column and rows. */
export const INCOME = {
  label: "Annan finansiering",
} as const;

/** A group of parties that finances as one (`members` in plan.config.yaml): the label before its members' names. */
export const GROUP = {
  members: "Medlemmar",
} as const;

/** Words of the split rules (`split.rule`) that pages print; `equal` and `shares` are printed as their figures. */
export const SPLIT_RULE = {
  perInhabitant: "per invånare och år",
  perParty: "räknat på varje parts antal invånare",
  eachOwn: "varje part bidrar med sitt belopp enligt avtalet",
} as const;

/**
 * A party `type` as a document names its own organisation in running text, between two financiers:
 * `för HSN och kommunen` (seed 000, line 234). A party of no type is named by its name.
 */
export const PARTY_SELF = {
  kommun: "kommunen",
  region: "regionen",
  nämnd: "nämnden",
  förbund: "förbundet",
  annan: "",
} as const;

/** The area a budget line is grouped under when nothing names one: an intervention's without an area, or the line's type. */
export const LINE_TYPE_AREA = {
  intervention: "Övriga insatser",
  staff: "Tjänst",
  "carry-over": "Överfört från tidigare år",
} as const;

/** The heading of a plan's goals of each `level`. */
export const GOAL_LEVEL = {
  national: "Nationellt mål",
  regional: "Regionala mål",
  local: "Kommunens mål",
} as const;

/**
 * The kinds of column of a money table: the heading the page prints (with the column's year
 * after it), and whether the column is derived from others (`of`).
 */
export const COLUMN_KIND = {
  budget: { label: "Budget", derived: false },
  outcome: { label: "Utfall", derived: false },
  "final-accounts": { label: "Bokslut", derived: false },
  change: { label: "Tillägg/ombudgetering", derived: false },
  forecast: { label: "Prognos", derived: false },
  requested: { label: "Äskat till", derived: false },
  sum: { label: "Summa budget", derived: true },
  deviation: { label: "Avvikelse", derived: true },
} as const;

/** The heading of a money table's column of row texts where the source prints none. */
export const TABLE_STUB = "Post";

/** The unit of a money table's amounts, as its caption prints it. */
export const MONEY_UNIT = {
  kr: "kr",
  tkr: "tkr",
  mnkr: "mnkr",
} as const;

/** The side of a result a row of a money table is on. */
export const SIDE = {
  income: "Intäkter",
  cost: "Kostnader",
  financing: "Finansiering",
} as const;

/**
 * Blank is not 0. What a sentence says where a figure is blank (an utfall not reported, a sum
 * of no amounts), where a table leaves the cell empty; and the row of a plan's amounts that
 * gives a total but no party's share (a line whose split is not given).
 */
export const BLANK = {
  sentence: "ej redovisat",
  unsplit: "Ej fördelat mellan parterna",
  /** Under a table whose sum of avvikelser leaves out the lines with no utfall: read against the whole budget it would not add up. */
  partialDeviation: "Avvikelsen gäller de poster vars utfall är redovisat.",
} as const;

/** The row a page adds to a table with income and costs whose result the source does not state. */
export const COMPUTED_RESULT = "Resultat (intäkter och finansiering minus kostnader)";

/** What a row of a money table is, as `plan budget` names it in text and CSV. */
export const ROW_ROLE = {
  line: "rad",
  memo: "memorad",
  formula: "formel",
  total: "summa",
  heading: "rubrik",
} as const;

/** How `plan budget` notes a stated figure that differs from what its terms give: both figures, or that the terms are blank. */
export const STATED_FIGURE = {
  stated: "angivet",
  computed: "beräknat",
  blank: "tom cell",
  overBlanks: "över tomma celler",
} as const;

/** An indicator's `unit` in words. */
export const UNIT = {
  percent: "procent",
  count: "antal",
  "per-1000": "per 1 000 invånare",
  kronor: "kronor",
  index: "index",
} as const;

/** An indicator's `direction` in words. */
export const DIRECTION = {
  "higher-is-better": "högre värde är bättre",
  "lower-is-better": "lägre värde är bättre",
} as const;

const lower = (text: string) => text.toLocaleLowerCase("sv");

/**
 * Swedish words users write for the English values of enumerations, in lower case: the
 * schema check answers `status: beslutad` with "write `decided`". The labels above are read
 * as their values; the other words are those users write besides.
 */
export const SYNONYMS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(FULFILMENT).map(([value, f]) => [lower(f.text), value])),
  ...Object.fromEntries(Object.entries(STATUS).map(([value, s]) => [s.short, value])),
  ...Object.fromEntries(Object.entries(COLUMN_KIND).map(([value, k]) => [lower(k.label), value])),
  ...Object.fromEntries(Object.entries(KIND).map(([value, k]) => [lower(k.name), value])),
  avtal: "agreement",
  rapport: "report",
  verksamhetsberattelse: "report",
  tjansteskrivelse: "memo",
  [lower(FINANCING.cash.label)]: "cash",
  [lower(LINE_TYPE_AREA.staff)]: "staff",
  [UNIT.percent]: "percent",
  [UNIT.count]: "count",
  [UNIT.kronor]: "kronor",
  beslutat: "decided",
  fastställd: "decided",
  kontanter: "cash",
  schablon: "in-kind",
  schablonkostnad: "in-kind",
  hänvisad: "referred",
  hänvisas: "referred",
  delvis: "partly-met",
  insats: "intervention",
  överföring: "carry-over",
  nationell: "national",
  tillägg: "change",
  ombudgetering: "change",
  äskat: "requested",
  regional: "regional",
  lokal: "local",
  uppföljning: "follow-up",
  flerårsplan: "multi-year-plan",
  politisk: "political",
};

/**
 * A plan hierarchy (strategy → multi-year plan → action plans → activities, seed 004) and its
 * yearly follow-up: the labels of its pages and of the follow-up's table, whose statuses are
 * those of `FULFILMENT` (text and symbol).
 */
export const HIERARCHY = {
  period: "Period",
  untilFurther: "tills vidare",
  goals: "Mål",
  serves: "Kopplat till",
  activities: "Aktiviteter",
  activity: "Aktivitet",
  years: "År",
  responsible: "Ansvarig",
  followedUp: "Följs upp",
  overview: "Status per handlingsplan och aktivitet",
  goalStatus: "Måluppfyllelse per mål",
  part: "Del",
  basis: "Underlag",
  /** The basis of a rolled-up status, one and many: `4 aktiviteter: 2 uppfyllda, 1 delvis uppfylld, 1 ej bedömd`. */
  counted: {
    met: ["uppfylld", "uppfyllda"],
    "partly-met": ["delvis uppfylld", "delvis uppfyllda"],
    "not-met": ["ej uppfylld", "ej uppfyllda"],
    "not-assessed": ["ej bedömd", "ej bedömda"],
  },
  notFollowedUp: "Ingen uppföljning",
  rolledUp: "Sammanvägd status",
  /** How a rolled-up status is read, under the table. */
  rule: "Sammanvägd status: uppfyllt när alla bedömda delar är uppfyllda, ej uppfyllt när ingen är det, annars delvis uppfyllt; ej bedömt när ingen del är bedömd. En handlingsplans status vägs samman av dess aktiviteter, planens av dess handlingsplaner.",
} as const;

/** After the comment on a goal whose fulfilment no report states: its status is its indicators' (a joint plan's report and a board's). */
export const ASSESSED_BY_INDICATORS = "Bedömningen grundar sig på målets indikatorer.";

/**
 * A social investment fund (`kind: fund`, Ale kommun, seed 002): the columns of its ledger per
 * year, the words of the seed where it has them ("avsatte 10 miljoner kronor", line 14; "Beviljade
 * investeringsaktiviteter", line 18; "betalas tillbaka till den sociala investeringsfond", line 18),
 * and the columns of its list of applications.
 */
export const FUND = {
  ledger: "Fondens saldo per år",
  year: "År",
  start: "Ingående saldo",
  setAside: "Avsatt",
  granted: "Beviljat",
  repaid: "Återbetalt",
  balance: "Saldo",
  applications: "Beviljade investeringsaktiviteter",
  /** The list's caption where it holds applications not (yet) granted. */
  allApplications: "Ansökningar till fonden",
  application: "Investeringsaktivitet",
  applicant: "Sökande",
  actors: "Aktörer i samverkan",
  municipalActor: "kommunal aktör",
  amount: "Beviljat belopp",
  purpose: "Syfte",
  evaluation: "Effektutvärdering",
  evaluations: "Samverkan och effektutvärdering",
  repayments: "Återbetalningar",
  capital: "Avsatt kapital",
  pending: "Under beredning",
} as const;

/** The decision on an application to the fund (`decision.outcome`). */
export const GRANT_OUTCOME = {
  granted: "Beviljad",
  refused: "Avslagen",
} as const;

/** Where a granted application stands (`phase`), as the seed names it (seed 002, line 18: "Två pågår och den tredje är i uppstartsfas"). */
export const APPLICATION_PHASE = {
  startup: "Uppstartsfas",
  ongoing: "Pågående",
  finished: "Avslutad",
} as const;

/** Labels every kind of page uses in its header and tables: the decision that adopted a document, its status. */
export const LABEL = {
  decision: "Beslut",
  status: "Status",
} as const;

/**
 * The words of an allocation's page (`kind: allocation`): the split of an amount between members
 * by a key of weighted measures, as a table with a total row.
 */
export const ALLOCATION = {
  heading: "Fördelning mellan kommunerna",
  member: "Medlemskommun",
  share: "Andel av beloppet",
  amount: "Belopp (kronor)",
  total: "Summa fördelat",
  key: "Fördelningsnyckel",
  funder: "Medlen kommer från",
  whole: "Belopp att fördela",
  by: "Fördelas av",
  basis: "Uppgifter från år",
  sources: "Nyckelns uppgifter och källor",
  weight: "Vikt",
  measure: "Mått",
  caption: "Fördelning per kommun",
  rounding:
    "Beloppen är avrundade till hela kronor med största restmetoden: varje kommun får de hela kronorna av sin exakta andel, och kronorna som blir över går en i taget till de kommuner vars andel har störst rest. Summan är därför exakt det belopp som fördelas.",
  roundedUp: "Fick en av de kronor som blev över vid avrundningen.",
  notComputed: "Beloppen kan inte räknas fram förrän nyckelns vikter summerar till 100 % och varje kommun har en uppgift för varje mått.",
  figureYear: "Uppgiften avser",
} as const;

/**
 * A memo's header as its organisation's form prints it (`print` of its memo form, `kind: form`),
 * and the name of a proposal written by politicians (`type: political`): Lerum's header reads
 * `TJÄNSTESKRIVELSE 1 (3)`, `Datum`, `Dnr` (seed 000, line 232); Herrljunga's `Tjänsteskrivelse`,
 * the date, `DNR SN 16/2017` and `Sid 2 av 2` (seed 001, lines 1405-1408).
 */
export const MEMO = {
  date: "Datum",
  dnr: "Dnr",
  political: "Politiskt förslag",
} as const;

/**
 * A page's number at its foot or head: `Sida 2 av 9` (templates/print.hbs; a meeting packet's own,
 * as the seed's packet prints it), and Herrljunga's memo form's `Sid 2 av 2` (seed 001, line 1408).
 */
export const PAGE = {
  page: "Sida",
  short: "Sid",
  of: "av",
} as const;

/** `Sida 7 av 19`. */
export const pageNumber = (n: number, of: number) => `${PAGE.page} ${n} ${PAGE.of} ${of}`;
