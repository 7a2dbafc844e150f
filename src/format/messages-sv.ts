/**
 * The Swedish of every message plan writes to its users, by its English template (see
 * message.ts): `{0}`, `{1}` … are the values, in any order the Swedish needs; a count's words as
 * `one|many`. test/messages.test.ts checks that each template here is used, with the same values.
 * Plain words for people who are not programmers: "fältet", "värdet", "skriv", not the parser's.
 */
export const SV: Readonly<Record<string, string>> = {
  // The command line's report of findings (src/diagnostics).
  "error|errors": "fel|fel",
  "warning|warnings": "varning|varningar",
  "file|files": "fil|filer",
  "document|documents": "dokument|dokument",
  "{0} and {1} in {2}": "{0} och {1} i {2}",
  error: "fel",
  warning: "varning",
  "see:": "se:",
  "fix:": "åtgärd:",
  "See {0}: {1}": "Se {0}: {1}",
  "Fix: {0}": "Åtgärd: {0}",
  "{0} (see {1}:{2}:{3}: {4})": "{0} (se {1}:{2}:{3}: {4})",
  "{0} in {1}": "{0} i {1}",
  "plan: checked {0}: {1}:": "plan: kontrollerade {0}: {1}:",
  "plan: `plan check{0}` (or `plan build --verbose`) shows each with its place and how to fix it.":
    "plan: `plan check{0}` (eller `plan build --verbose`) visar var och en med sin plats och hur den rättas.",
  "No problems in {0}.": "Inga problem i {0}.",
  "{0} This may follow from the {1} error at {2}: fix that first.": "{0} Det kan följa av felet {1} på {2}: rätta det först.",
  "{0} This may follow from the {1} warning at {2}: fix that first.": "{0} Det kan följa av varningen {1} på {2}: rätta den först.",
  // Reading the files (src/source, src/model/assets.ts): YAML in the user's terms.
  "The value of `{0}` holds a colon followed by a space (`{1}`), which YAML reads as the start of another field.":
    "Värdet i `{0}` innehåller ett kolon följt av ett mellanslag (`{1}`), och YAML läser det som början på ett nytt fält.",
  "Put the value in quotes: `{0}{1}: {2}`.": "Skriv värdet inom citattecken: `{0}{1}: {2}`.",
  "Put the value in quotes: `{0}{1}`.": "Skriv värdet inom citattecken: `{0}{1}`.",
  "This line goes on with the value begun above it (`{0}`) and holds a colon followed by a space (`{1}`), which YAML reads as the start of another field.":
    "Raden fortsätter värdet från raden ovanför (`{0}`) och innehåller ett kolon följt av ett mellanslag (`{1}`), och YAML läser det som början på ett nytt fält.",
  "`{0}` has no colon after its field name, so YAML cannot tell the field from its value.":
    "`{0}` saknar kolon efter fältets namn, så YAML kan inte skilja fältet från dess värde.",
  "Write a colon and a space after the field name: `{0}{1}: {2}`.": "Skriv ett kolon och ett mellanslag efter fältets namn: `{0}{1}: {2}`.",
  "YAML syntax: {0}.": "YAML-syntax: {0}.",
  "Check the indentation, quotes and colons on this line.": "Kontrollera indrag, citattecken och kolon på raden.",
  "A tab indents this line, and YAML allows only spaces there: the lines from here on cannot be read.":
    "Raden är indragen med en tabb, och YAML tillåter bara mellanslag där: raderna härifrån och framåt kan inte läsas.",
  "A tab indents this line, and YAML allows only spaces there: the lines from here on cannot be read. With the tab as {0} spaces, the frontmatter reads without errors.":
    "Raden är indragen med en tabb, och YAML tillåter bara mellanslag där: raderna härifrån och framåt kan inte läsas. Med tabben som {0} mellanslag kan fälten överst i filen läsas utan fel.",
  "Indent with spaces (two per level), as the lines around it are.": "Gör indraget med mellanslag (två per nivå), som på raderna runt omkring.",
  "Replace the tab with {0} spaces (indent with spaces only).": "Byt tabben mot {0} mellanslag (gör indrag bara med mellanslag).",
  "A tab is used for indentation; YAML allows only spaces there. It was read as one space.":
    "En tabb används för indrag; YAML tillåter bara mellanslag där. Den lästes som ett mellanslag.",
  "Indent with spaces (two per level).": "Gör indrag med mellanslag (två per nivå).",
  "This key appears twice in the same map; the second would silently win.": "Fältet står två gånger på samma nivå; det andra skulle gälla utan att det syns.",
  "This key (`{0}`) appears twice in the same map; the second would silently win.":
    "Fältet (`{0}`) står två gånger på samma nivå; det andra skulle gälla utan att det syns.",
  "Remove or rename one of the two.": "Ta bort det ena eller ge det ett annat namn.",
  "The YAML nests too deeply to be read.": "YAML-texten har för många nivåer för att kunna läsas.",
  "The YAML could not be expanded: {0}.": "YAML-texten kunde inte läsas ut: {0}.",
  "Flatten the structure: plan documents need a few levels at most.": "Gör strukturen plattare: dokumenten behöver högst några få nivåer.",
  "Write the values out instead of using many aliases (at most {0}).": "Skriv ut värdena i stället för att använda många alias (högst {0}).",
  "A map or a list cannot be a key: read into data it would become a made-up text, and its value would be filed under it.":
    "En samling eller en lista kan inte vara ett fältnamn: som data skulle den bli en påhittad text, och värdet skulle hamna under den.",
  "Use a plain name as the key, such as a party id like `lerum`.": "Använd ett vanligt namn som fältnamn, till exempel en parts id som `lerum`.",
  "`{0}` cannot be a key: it is a name every JavaScript object already has, and as a key it would be lost or misread.":
    "`{0}` kan inte vara ett fältnamn: namnet är reserverat i programmet, och som fältnamn skulle det försvinna eller läsas fel.",
  "`{0}` cannot be a key (named here by an alias): it is a name every JavaScript object already has, and as a key it would be lost or misread.":
    "`{0}` kan inte vara ett fältnamn (här genom ett alias): namnet är reserverat i programmet, och som fältnamn skulle det försvinna eller läsas fel.",
  "Use another name; party ids, budget lines and other keys are ordinary words such as `lerum`.":
    "Använd ett annat namn; parters id, budgetposter och andra fältnamn är vanliga ord som `lerum`.",
  "`{0}` holds the control character `{1}` (a line break in a one-line field); control characters can rewrite a terminal, add rows to a CSV or reverse how text reads.":
    "`{0}` innehåller styrtecknet `{1}` (en radbrytning i ett fält som ska stå på en rad); styrtecken kan ändra det som visas i ett terminalfönster, lägga till rader i en CSV-fil eller vända läsriktningen.",
  "`{0}` holds the control character `{1}`; control characters can rewrite a terminal, add rows to a CSV or reverse how text reads.":
    "`{0}` innehåller styrtecknet `{1}`; styrtecken kan ändra det som visas i ett terminalfönster, lägga till rader i en CSV-fil eller vända läsriktningen.",
  "This text holds the control character `{0}`; control characters can rewrite a terminal, add rows to a CSV or reverse how text reads.":
    "Texten innehåller styrtecknet `{0}`; styrtecken kan ändra det som visas i ett terminalfönster, lägga till rader i en CSV-fil eller vända läsriktningen.",
  "The text holds the control character `{0}`; control characters can rewrite a terminal or reverse how text reads.":
    "Texten innehåller styrtecknet `{0}`; styrtecken kan ändra det som visas i ett terminalfönster eller vända läsriktningen.",
  "Write the text on one line.": "Skriv texten på en rad.",
  "Remove it: retype the text, or paste it again as plain text.": "Ta bort det: skriv texten på nytt, eller klistra in den igen som ren text.",
  "The document is {0} MB; documents larger than {1} MB are not read.": "Dokumentet är {0} MB; dokument större än {1} MB läses inte.",
  "Split it into several documents, or move data out of it.": "Dela upp det i flera dokument, eller flytta ut data ur det.",
  "Block quotes or lists nest more than {0} levels deep here; such a document cannot be read in reasonable time.":
    "Citat eller listor ligger i mer än {0} nivåer här; ett sådant dokument kan inte läsas på rimlig tid.",
  "Flatten the quotes and lists.": "Minska antalet nivåer av citat och listor.",
  "{0} is refused: {1}; it was not read.": "{0} avvisas: {1}; den lästes inte.",
  "Put the file itself in the repository instead of a link, or make the link lead to a file inside the repository.":
    "Lägg själva filen i arkivet i stället för en länk, eller låt länken leda till en fil i arkivet.",
  "it is a loop of symbolic links": "den är en slinga av symboliska länkar",
  "it cannot be read ({0})": "den kan inte läsas ({0})",
  "the repository's folder {0} is gone (removed or moved while plan ran)":
    "arkivets mapp {0} finns inte längre (den togs bort eller flyttades medan plan körde)",
  "the repository's folder {0} cannot be read ({1})": "arkivets mapp {0} kan inte läsas ({1})",
  "it is a symbolic link that leads out of the repository (to {0})": "den är en symbolisk länk som leder ut ur arkivet (till {0})",
  "it is not a regular file (a pipe, socket or device)": "den är ingen vanlig fil (en rörledning, en socket eller en enhet)",
  "it is a hard link (the same file has {0} names on the disk, and one may lie outside the repository); copy the file instead of linking it":
    "den är en hård länk (samma fil har {0} namn på disken, och ett kan ligga utanför arkivet); kopiera filen i stället för att länka den",
  "it does not exist": "den finns inte",
  "it is a folder": "den är en mapp",
  "it became a symbolic link while it was being read": "den blev en symbolisk länk medan den lästes",
  "the scheme `{0}:` is not allowed": "adresser med `{0}:` är inte tillåtna",
  "it is an absolute path": "sökvägen är absolut",
  "it leads out of the repository": "den leder ut ur arkivet",
  "it is a hidden file (its name, or a folder's on the way, starts with `.`), and hidden files such as `.git/config` and `.env` are never published":
    "den är en dold fil (dess namn, eller en mapps på vägen, börjar med `.`), och dolda filer som `.git/config` och `.env` publiceras aldrig",

  // Links and images in the documents (src/rules/paths.ts).
  "The image {0} is refused: {1}.": "Bilden {0} avvisas: {1}.",
  "The link {0} is refused: {1}.": "Länken {0} avvisas: {1}.",
  "Put the file inside the repository and refer to it with a relative path.": "Lägg filen i arkivet och hänvisa till den med en relativ sökväg.",
  "The image {0} does not exist (looked for {1}).": "Bilden {0} finns inte (letade efter {1}).",
  "Check the file name and its folder, relative to this document.": "Kontrollera filnamnet och mappen, räknat från det här dokumentet.",
  "The image {0} is on another server; documents are built without the network, so it will not be shown.":
    "Bilden {0} ligger på en annan server; dokumenten byggs utan nätverk, så den visas inte.",
  "Download the image into the repository and refer to it with a relative path.": "Ladda ned bilden till arkivet och hänvisa till den med en relativ sökväg.",
  "Link to a file that is part of the repository, or remove the link.": "Länka till en fil som ingår i arkivet, eller ta bort länken.",

  // Fields and values (src/model/validate.ts, src/model/describe.ts, the schemas' phrases).
  "The frontmatter": "Fälten överst i filen",
  "`true` or `false`": "`true` eller `false`",
  "a list": "en lista",
  "a map of fields": "en samling fält",
  "a number": "ett tal",
  "a whole number": "ett heltal",
  "an empty value": "ett tomt värde",
  nothing: "ingenting",
  text: "text",
  'the text "{0}"': 'texten "{0}"',
  " Did you mean `{0}`?": " Menade du `{0}`?",
  'A comma inside `{{ … }}` separates fields: put a figure with a decimal comma in quotes, `{0}: "{1},{2}"`.':
    'Ett kommatecken inom `{{ … }}` skiljer fält åt: skriv ett tal med decimalkomma inom citattecken, `{0}: "{1},{2}"`.',
  "Add `{0}:` with its value.": "Lägg till `{0}:` med sitt värde.",
  "Every document states its kind, one of {0}; found {1}.{2}": "Varje dokument anger sin typ, en av {0}; här står {1}.{2}",
  "Known fields here: {0}.": "Fält som finns här: {0}.",
  'Put it in quotes, as text: a code such as `"0114"` loses its leading zero as a number.':
    'Skriv den inom citattecken, som text: en kod som `"0114"` tappar sin inledande nolla som tal.',
  "Set `kind:` to the kind of document this is. A markdown file that is not a document must have no frontmatter.":
    "Skriv dokumentets typ efter `kind:`. En markdown-fil som inte är ett dokument ska inte ha några fält överst.",
  "Start the frontmatter with `kind:` and the document's fields, one per line.": "Börja fälten överst i filen med `kind:` och dokumentets fält, ett per rad.",
  "The frontmatter must be a map of fields (`kind: plan`, `title: …`), but it is not.":
    "Överst i filen ska det stå fält (`kind: plan`, `title: …`), men det gör det inte.",
  "Unknown field `{0}` in the frontmatter.{1}": "Okänt fält `{0}` överst i filen.{1}",
  "Unknown field `{0}` in {1}.{2}": "Okänt fält `{0}` i {1}.{2}",
  "Write `{0}`.": "Skriv `{0}`.",
  "Write a list: one `- item` per line, or `[a, b]`.": "Skriv en lista: en `- punkt` per rad, eller `[a, b]`.",
  "item|items": "punkt|punkter",
  "no `kind`": "ingen `kind`",
  "no `{0}`": "ingen `{0}`",
  "{0} is required here but missing. ({1})": "{0} krävs här men saknas. ({1})",
  "{0} is required here but missing.": "{0} krävs här men saknas.",
  '{0} is written in English: `{1}` for "{2}".': '{0} skrivs på engelska: `{1}` för "{2}".',
  "{0} must be at least {1}; found {2}.": "{0} ska vara minst {1}; här står {2}.",
  "{0} must be at most {1}; found {2}.": "{0} ska vara högst {1}; här står {2}.",
  "{0} must be one of {1}; found {2}.{3}": "{0} ska vara en av {1}; här står {2}.{3}",
  "{0} must be {1}; found {2}.": "{0} ska vara {1}; här står {2}.",
  "{0} must be {1}; found {2}.{3}": "{0} ska vara {1}; här står {2}.{3}",
  "{0} must have at least {1}; found {2}.": "{0} ska ha minst {1}; här står {2}.",
  "{0} must not be empty; found {1}.": "{0} får inte vara tomt; här står {1}.",
  "{0}: {1}.": "{0}: {1}.",
  "a year such as 2019": "ett år, till exempel 2019",
  "a date written YYYY-MM-DD, e.g. 2018-12-20": "ett datum skrivet ÅÅÅÅ-MM-DD, till exempel 2018-12-20",
  "a name of its own, not `constructor` or `prototype`": "ett eget namn, inte `constructor` eller `prototype`",
  "a real calendar date, e.g. 2018-12-20": "ett datum som finns i kalendern, till exempel 2018-12-20",
  "lower-case letters, digits, '-' or '_', e.g. `plattform-lerum`": "små bokstäver, siffror, '-' eller '_', till exempel `plattform-lerum`",
  "lower-case letters, digits, '-' or '_', e.g. `trygghet`, or a board's numbering, e.g. `6:1`":
    "små bokstäver, siffror, '-' eller '_', till exempel `trygghet`, eller en nämnds numrering, till exempel `6:1`",
  "NNNNNN-NNNN, e.g. 212000-1447": "NNNNNN-NNNN, till exempel 212000-1447",
  "a regular expression, e.g. ^KS\\d{{2}}\\.\\d{{1,5}}$": "ett reguljärt uttryck, till exempel ^KS\\d{{2}}\\.\\d{{1,5}}$",
  'four digits as a quoted string, e.g. "1441"': 'fyra siffror inom citattecken, till exempel "1441"',
  "a Kolada KPI id: `N` or `U` and five digits, e.g. `N15419`": "ett nyckeltals id i Kolada: `N` eller `U` och fem siffror, till exempel `N15419`",
  'a four-digit municipality id as a quoted string, e.g. "1441"': 'en kommunkod med fyra siffror inom citattecken, till exempel "1441"',
  "a time of day written HH:MM, e.g. 13:05": "ett klockslag skrivet TT:MM, till exempel 13:05",
  'the goal\'s number as a string, e.g. `"1"`': 'målets nummer som text, till exempel `"1"`',
  'the number of a goal of `councilGoals`, e.g. `"6"`': 'numret på ett av målen i `councilGoals`, till exempel `"6"`',

  // Amounts (src/model/whole-kronor.ts).
  "{0} is written `{1}`, which is read as {2} {3}; amounts are whole {4} in digits only.":
    "{0} är skrivet `{1}`, vilket läses som {2} {3}; belopp skrivs i hela {4} med bara siffror.",
  "Write `{0}` (no thousands separator).": "Skriv `{0}` (utan tusentalsavgränsare).",
  "{0} is below the largest figure a table holds, {1} {2} either way; found {3}.":
    "{0} är mindre än det största tal en tabell rymmer, {1} {2} åt vardera hållet; här står {3}.",
  "{0} is above the largest figure a table holds, {1} {2} either way; found {3}.":
    "{0} är större än det största tal en tabell rymmer, {1} {2} åt vardera hållet; här står {3}.",
  "Check the number of digits, or write the table in a larger unit (`unit: tkr`, `unit: mnkr`).":
    "Kontrollera antalet siffror, eller skriv tabellen i en större enhet (`unit: tkr`, `unit: mnkr`).",
  "{0} must be a whole number of {1}, or `~` for a blank cell; found {2}.": "{0} ska vara ett helt antal {1}, eller `~` för en tom ruta; här står {2}.",
  "Write `{0}`: digits only, `-` for a minus, no spaces.": "Skriv `{0}`: bara siffror, `-` för minus, inga mellanslag.",
  "Write the amount in {0} with digits only, e.g. `-1760`.": "Skriv beloppet i {0} med bara siffror, till exempel `-1760`.",
  "{0} must not be negative; found {1}. These amounts are what a party pays or spends, never below 0.":
    "{0} får inte vara negativt; här står {1}. Beloppen är vad en part betalar eller använder, aldrig under 0.",
  "Write the amount without the minus sign: a reduction is a smaller amount on the line. Signed amounts (revenues in a cost perspective, deviations, reallocations) go in a money table under `tables:`, whose cells may be negative.":
    "Skriv beloppet utan minustecken: en minskning är ett mindre belopp på raden. Belopp med tecken (intäkter i kostnadsperspektiv, avvikelser, omfördelningar) skrivs i en tabell under `tables:`, där rutorna får vara negativa.",
  "{0} is larger than any amount that can be added exactly ({1}); found {2}.": "{0} är större än något belopp som kan summeras exakt ({1}); här står {2}.",
  "Check the number of digits.": "Kontrollera antalet siffror.",
  "{0} must be whole kronor; found {1}.": "{0} ska vara hela kronor; här står {1}.",
  "Write `{0}` (rounded to whole kronor).": "Skriv `{0}` (avrundat till hela kronor).",
  "{0} must be a number of whole kronor; found {1}.": "{0} ska vara ett belopp i hela kronor; här står {1}.",
  "Write `{0}`: digits only, no spaces or unit.": "Skriv `{0}`: bara siffror, inga mellanslag eller enhet.",
  "Write the amount in whole kronor with digits only, e.g. `1000000`.": "Skriv beloppet i hela kronor med bara siffror, till exempel `1000000`.",

  // Money tables (src/model/table.ts).
  "Another column of the table already has the id `{0}`.": "En annan kolumn i tabellen har redan id `{0}`.",
  "Give each column an id of its own.": "Ge varje kolumn ett eget id.",
  "Another row or group of the table already has the id `{0}`.": "En annan rad eller grupp i tabellen har redan id `{0}`.",
  "Give each row or group an id of its own.": "Ge varje rad och grupp ett eget id.",
  "The column `{0}` is derived from itself, through `of`.": "Kolumnen `{0}` räknas fram ur sig själv, genom `of`.",
  "Derive it from columns of amounts.": "Räkna fram den ur kolumner med belopp.",
  "A `{0}` column is derived from others, but `of` does not name them.": "En kolumn av typen `{0}` räknas fram ur andra, men `of` anger inte vilka.",
  "Add `of:` with the columns, e.g. `of: [budget, utfall]`.": "Lägg till `of:` med kolumnerna, till exempel `of: [budget, utfall]`.",
  "A deviation is one column minus another; `of` names {0}.": "En avvikelse är en kolumn minus en annan; `of` anger {0}.",
  "Name two columns, first minus second: `of: [budget, utfall]` or `of: [utfall, budget]`.":
    "Ange två kolumner, den första minus den andra: `of: [budget, utfall]` eller `of: [utfall, budget]`.",
  "`of` names the column `{0}`, which the table does not have.": "`of` anger kolumnen `{0}`, som tabellen inte har.",
  "Use one of {0}.": "Använd en av {0}.",
  "A `{0}` column holds amounts of its own; only `sum` and `deviation` are derived.":
    "En kolumn av typen `{0}` har egna belopp; bara `sum` och `deviation` räknas fram.",
  "Remove `of`, or make the column a `sum` or `deviation`.": "Ta bort `of`, eller gör kolumnen till `sum` eller `deviation`.",
  "The row has {0} cells, but the table has {1} columns ({2}).": "Raden har {0} rutor, men tabellen har {1} kolumner ({2}).",
  "Write one cell per column, `~` for a blank one.": "Skriv en ruta per kolumn, `~` för en tom.",
  "Rows of the table are on the income, cost or financing side, but the table declares no `perspective`, so their signs cannot be read.":
    "Tabellens rader står på intäkts-, kostnads- eller finansieringssidan, men tabellen anger inget `perspective`, så deras tecken kan inte läsas.",
  "Add `perspective: cost` (revenues written negative, kostnadsperspektiv) or `perspective: sides` (every side positive).":
    "Lägg till `perspective: cost` (intäkter skrivna negativa, kostnadsperspektiv) eller `perspective: sides` (varje sida positiv).",
  'The formula row "{0}" adds up itself, through other formula rows.': 'Summaraden "{0}" summerar sig själv, genom andra summarader.',
  "Make it add rows and groups of amounts.": "Låt den summera rader och grupper med belopp.",
  "`{0}` names `{1}`, which is no row or group of the table.": "`{0}` anger `{1}`, som inte är någon rad eller grupp i tabellen.",
  "Use the `id` of a row or group: {0}.": "Använd `id` för en rad eller grupp: {0}.",
  "Use the `id` of a row or group: give the rows ids first.": "Använd `id` för en rad eller grupp: ge raderna id först.",

  // Parties and dates (src/rules/parties.ts, src/rules/dates.ts).
  "{0} is listed among its own members.": "{0} står bland sina egna medlemmar.",
  "{0} is a member of itself through {1} ({2}); a group cannot hold itself.":
    "{0} är medlem i sig själv genom {1} ({2}); en grupp kan inte innehålla sig själv.",
  "Remove the member that leads back to the group.": "Ta bort den medlem som leder tillbaka till gruppen.",
  "through {0} (members[{1}])": "genom {0} (members[{1}])",
  "{0} is listed twice among the members of {1}.": "{0} står två gånger bland medlemmarna i {1}.",
  "{0} is a member of {1} twice: {2} and {3}.": "{0} är medlem i {1} två gånger: {2} och {3}.",
  "List {0} once, so that its money and inhabitants count once.": "Ange {0} en gång, så att dess pengar och invånare räknas en gång.",
  "The first time {0} is a member of {1}.": "Första gången {0} är medlem i {1}.",
  "{0} contributes on its own and is also a member of {1}, which contributes too: its money would be counted twice.":
    "{0} bidrar på egen hand och är också medlem i {1}, som också bidrar: dess pengar skulle räknas två gånger.",
  "Remove one of the two: the own contribution of {0} (the group's covers it), or {1} from the members of {2}.":
    "Ta bort det ena: det egna bidraget från {0} (gruppens täcker det), eller {1} ur medlemmarna i {2}.",
  "The period ends ({0}) before it begins ({1}).": "Perioden slutar ({0}) innan den börjar ({1}).",
  "Swap `from` and `to`.": "Byt plats på `from` och `to`.",
  "The agreement {0} runs {1}–{2}, so it has no plan for {3}.": "Avtalet {0} gäller {1}–{2}, så det har ingen plan för {3}.",
  "Refer to the agreement that covers this year, or correct the year.": "Hänvisa till det avtal som gäller året, eller rätta året.",
  "The report is for {0}, but the plan {1} is for {2}.": "Rapporten gäller {0}, men planen {1} gäller {2}.",
  "Refer to the plan of the same year, or correct the year.": "Hänvisa till planen för samma år, eller rätta året.",
  "The plan for {0} was decided on {1}, after its year had begun.": "Planen för {0} beslutades {1}, efter att året hade börjat.",
  "Put next year's plan before the board in the autumn.": "Lägg fram nästa års plan för nämnden under hösten.",

  // Goals, indicators and settings (src/rules/goals.ts, src/rules/settings.ts).
  'No intervention or budget line works towards the goal "{0}".': 'Ingen insats eller budgetpost arbetar mot målet "{0}".',
  "Add {0} to an intervention's `goals`, or say in the text why the goal has no intervention this year.":
    "Lägg till {0} i en insats `goals`, eller skriv i texten varför målet inte har någon insats i år.",
  'The goal "{0}" is about people but not split by sex.': 'Målet "{0}" handlar om människor men är inte uppdelat på kön.',
  'Name the groups by sex, e.g. "flickor och pojkar", "kvinnor och män".': 'Nämn grupperna efter kön, till exempel "flickor och pojkar", "kvinnor och män".',
  'The measure "{0}" is about people but not split by sex.': 'Måttet "{0}" handlar om människor men är inte uppdelat på kön.',
  "Follow it up for women and men (girls and boys) separately and say so.": "Följ upp det för kvinnor och män (flickor och pojkar) var för sig och skriv det.",
  'The indicator "{0}" is about people but is not split by sex.': 'Indikatorn "{0}" handlar om människor men är inte uppdelad på kön.',
  "Collect values for women and men and set `bySex: true`.": "Samla in värden för kvinnor och män och skriv `bySex: true`.",
  "no source": "ingen källa",
  "no baseline": "inget utgångsvärde",
  "no targets": "inga målvärden",
  'The indicator "{0}" has {1}, so it cannot be followed up.': 'Indikatorn "{0}" har {1}, så den kan inte följas upp.',
  "Add {0}.": "Lägg till {0}.",
  "No rule has the id {0}.{1}": "Ingen regel har id {0}.{1}",
  "Use an id from the README's rule table, or from the `[rule/id]` of a message.":
    "Använd ett id ur regeltabellen i README, eller ur `[regel/id]` i ett meddelande.",

  // Rules: money, references, tables, accounts, indicators, board goals, body, report, meeting, active content (sv-a).
  // The split rule's figures and names (src/model/money.ts).
  "{0} kr × {1} inhabitants ({2})": "{0} kr × {1} invånare ({2})",
  "{0} kr × {1} inhabitants": "{0} kr × {1} invånare",
  "1/{0} of {1} kr": "1/{0} av {1} kr",
  "{0}/{1} of {2} kr": "{0}/{1} av {2} kr",
  "the equal split": "lika fördelning",
  "the split in shares": "fördelningen i andelar",
  "the per-inhabitant split": "fördelningen per invånare",
  "no split rule": "ingen fördelningsregel",
  equally: "lika",
  "by no rule": "utan fördelningsregel",
  "per inhabitant ({0} kr each, but {1})": "per invånare ({0} kr per invånare, men {1})",
  "per inhabitant ({0} kr each)": "per invånare ({0} kr per invånare)",
  "in shares {0}": "i andelar {0}",
  // Budget lines, totals, contributions and the split (src/rules/money.ts).
  "no amounts": "inga belopp",
  "{0} amounts": "{0} belopp",
  'The parties\' amounts on "{0}" sum to {1} ({2}), but its total says {3}.':
    'Parternas belopp på raden "{0}" blir tillsammans {1} ({2}), men radens summa (`total`) anger {3}.',
  "Write `total: {0}`, or correct the parties' amounts.": "Skriv `total: {0}`, eller rätta parternas belopp.",
  "the lines have no amounts": "raderna har inga belopp",
  "it includes no lines": "den omfattar inga rader",
  "the lines have no amounts for {0}": "raderna har inga belopp för {0}",
  "it includes no lines for {0}": "den omfattar inga rader för {0}",
  "{0}: {1}; blank is not 0, but the total says {2}.": "{0}: {1}; tomt är inte detsamma som 0, men summan anger {2}.",
  "Leave `{0}:` out of the total while the lines have no amounts, or write the amounts on the lines.":
    "Ta bort `{0}:` ur summan så länge raderna saknar belopp, eller skriv beloppen på raderna.",
  "Leave `{0}:` out of the total while the lines have no amounts for {1}, or write the amounts on the lines.":
    "Ta bort `{0}:` ur summan så länge raderna saknar belopp för {1}, eller skriv beloppen på raderna.",
  "Write the amounts on the lines, or leave `{0}:` out of the total.": "Skriv beloppen på raderna, eller ta bort `{0}:` ur summan.",
  '"{0}" ({1} lines)': '"{0}" (raderna av typen {1})',
  "{0}: the {1} lines sum to {2}, but the total says {3} (difference {4} kr).":
    "{0}: de {1} raderna blir tillsammans {2}, men summan anger {3} (skillnad {4} kr).",
  "Write `total: {0}`, or find the line that is wrong.": "Skriv `total: {0}`, eller leta upp raden som är fel.",
  "{0}: the amounts of {1} sum to {2} ({3}), but the total says {4}.": "{0}: beloppen för {1} blir tillsammans {2} ({3}), men summan anger {4}.",
  "Write `{0}: {1}`, or find the line that is wrong.": "Skriv `{0}: {1}`, eller leta upp raden som är fel.",
  "{0} has no amount on the lines of {1}, but the agreement {2} fixes its contribution at {3}.":
    "{0} har inga belopp på raderna för {1}, men avtalet {2} anger dess bidrag till {3}.",
  "The lines of {0} in {1} add up to {2}, but the agreement {3} fixes its contribution at {4} (difference {5} kr).":
    "Raderna för {0} år {1} blir tillsammans {2}, men avtalet {3} anger dess bidrag till {4} (skillnad {5} kr).",
  "{0} {1} of the plan is not split between the parties.": "{0} {1} av planen är inte fördelat mellan parterna.",
  "Lower the amounts of {0} on the lines, or change its contribution in the agreement.": "Sänk beloppen för {0} på raderna, eller ändra dess bidrag i avtalet.",
  "Plan the rest of the contribution of {0}, or change it in the agreement.": "Planera resten av bidraget från {0}, eller ändra bidraget i avtalet.",
  "The per-inhabitant split gives no number of inhabitants, so no financier's amount can be computed.":
    "Fördelningen per invånare anger inget invånarantal, så ingen finansiärs belopp kan räknas ut.",
  "Add `populations:` with each financier's inhabitants, e.g. `- {{ party: lerum, year: 2020, inhabitants: 42000, date: 2018-12-31 }}`.":
    "Lägg till `populations:` med varje finansiärs invånarantal, till exempel `- {{ party: lerum, year: 2020, inhabitants: 42000, date: 2018-12-31 }}`.",
  "Both `population` and `populations` give numbers of inhabitants; `population` (with `populationDate`) is the shorter form of one figure for every financier and year, and is not read beside `populations`.":
    "Både `population` och `populations` anger invånarantal; `population` (med `populationDate`) är den kortare formen för ett tal som gäller alla finansiärer och år, och läses inte när `populations` finns.",
  "Keep one: write the figure into `populations` as `{{ inhabitants: {0}, date: {1} }}`, or remove `populations`.":
    "Behåll det ena: skriv talet i `populations` som `{{ inhabitants: {0}, date: {1} }}`, eller ta bort `populations`.",
  "The agreement runs {0}–{1}, so a number of inhabitants for {2} is never used.": "Avtalet gäller {0}–{1}, så ett invånarantal för {2} används aldrig.",
  "Write a year from {0} to {1}, or remove the entry.": "Skriv ett år från {0} till {1}, eller ta bort raden.",
  "every financier": "alla finansiärer",
  "every year": "alla år",
  "A second number of inhabitants for {0} in {1}; only the first, populations[{2}], is read.":
    "Ett andra invånarantal för {0} för {1}; bara det första, populations[{2}], läses.",
  "Remove one of them, or give each its own `party` or `year`.": "Ta bort det ena, eller ge vart och ett sin egen `party` eller `year`.",
  "The first number of inhabitants for {0} in {1}.": "Det första invånarantalet för {0} för {1}.",
  "its contribution for {0}": "bidraget för {0}",
  "its contribution": "bidraget",
  "Correct the contribution or the split rule.": "Rätta bidraget eller fördelningsregeln.",
  "Write `{0}: {1}` under `years`, or correct the rate or the population.":
    "Skriv `{0}: {1}` under `years`, eller rätta beloppet per invånare eller invånarantalet.",
  "Write `amount: {0}`, or correct the rate or the population.": "Skriv `amount: {0}`, eller rätta beloppet per invånare eller invånarantalet.",
  "Give the contribution of {0} for {1} under `years` (`{2}: {3}`), or correct the rate or the population.":
    "Ange bidraget från {0} för {1} under `years` (`{2}: {3}`), eller rätta beloppet per invånare eller invånarantalet.",
  "{0} (rounded)": "{0} (avrundat)",
  "Under {0}, {1} pays {2} = {3} in {4}, but {5} says {6}.": "Enligt {0} betalar {1} {2} = {3} år {4}, men {5} anger {6}.",
  "The per-inhabitant split gives no number of inhabitants for {0} in {1}, so neither its contribution nor the plans' split can be checked.":
    "Fördelningen per invånare anger inget invånarantal för {0} år {1}, så varken bidraget eller planernas fördelning kan kontrolleras.",
  "Add `{{ party: {0}, year: {1}, inhabitants: …, date: … }}` under `populations` (or leave out `year` for a figure for every year).":
    "Lägg till `{{ party: {0}, year: {1}, inhabitants: …, date: … }}` under `populations` (eller utelämna `year` för ett tal som gäller alla år).",
  '"{0}" gives only a total, no party\'s amount: {1} of the plan (this line and {2}) is not split between the parties, so the split and the contributions are checked without it.':
    'Raden "{0}" anger bara en summa, inga belopp per part: {1} av planen (den här raden och {2}) är inte fördelat mellan parterna, så fördelningen och bidragen kontrolleras utan det beloppet.',
  "other|others": "annan rad|andra rader",
  '"{0}" gives only a total, no party\'s amount: {1} of the plan is not split between the parties, so the split and the contributions are checked without it.':
    'Raden "{0}" anger bara en summa, inga belopp per part: {1} av planen är inte fördelat mellan parterna, så fördelningen och bidragen kontrolleras utan det beloppet.',
  "Write each party's amount on the line under `parties:` once the split is known.":
    "Skriv varje parts belopp på raden under `parties:` när fördelningen är känd.",
  "{0} no amounts": "{0} inga belopp",
  "The agreement {0} splits the budget {1}; of the plan's {2} that is {3}, but the lines give {4}.":
    "Avtalet {0} fördelar budgeten {1}; av planens {2} blir det {3}, men raderna ger {4}.",
  "Move amounts between the parties on some lines so that the plan as a whole keeps the split.":
    "Flytta belopp mellan parterna på några rader, så att planen som helhet följer fördelningen.",
  'The line "{0}" is income (`income: {1}`), which is no party\'s contribution, but it gives amounts for {2}.':
    'Raden "{0}" är en intäkt (`income: {1}`), som inte är någon parts bidrag, men den anger belopp för {2}.',
  "Write the income's amount as `total` and remove `parties`; what a party pays goes on a line of its own.":
    "Skriv intäktens belopp som `total` och ta bort `parties`; det en part betalar skrivs på en egen rad.",
  'The income "{0}" ({1}) has no amount, so the plan\'s total leaves it out.': 'Intäkten "{0}" ({1}) har inget belopp, så den ingår inte i planens summa.',
  "Write its amount as `total`, e.g. `total: 100000`.": "Skriv beloppet som `total`, till exempel `total: 100000`.",
  "The agreement {0} lets {1} pay in {2}, but this line uses {3}.": "Avtalet {0} låter {1} betala som {2}, men raden använder {3}.",
  "Use {0}, or allow {1} in the contribution of {2} in the agreement.": "Använd {0}, eller tillåt {1} i bidraget från {2} i avtalet.",
  "`from` is only for carry-over lines.": "`from` används bara på rader som för över medel från ett tidigare år.",
  "Set `type: carry-over`, or remove `from`.": "Skriv `type: carry-over`, eller ta bort `from`.",
  'The carry-over "{0}" does not say which year its money comes from.': 'De överförda medlen "{0}" anger inte vilket år pengarna kommer från.',
  "Add `from:` with the year, e.g. `from: 2018`.": "Lägg till `from:` med året, till exempel `from: 2018`.",
  "A carry-over into {0} must come from an earlier year; found {1}.": "Medel som förs över till {0} ska komma från ett tidigare år; här står {1}.",
  "Write the year the money was first budgeted, before {0}.": "Skriv det år pengarna först budgeterades, före {0}.",
  'The carry-over "{0}" has no amount, so nobody can follow it up.': 'De överförda medlen "{0}" har inget belopp, så ingen kan följa upp dem.',
  "Write the amount per party once it is known (from the previous year's report).":
    "Skriv beloppet per part när det är känt (ur föregående års verksamhetsberättelse).",
  "With this amount, {0} adds up to more than {1}, the largest sum that can be added and shown exactly.":
    "Med det här beloppet blir {0} större än {1}, den största summa som kan räknas och visas exakt.",
  "Check the number of digits; amounts in a plan are kronor, not öre.": "Kontrollera antalet siffror; beloppen i en plan är kronor, inte ören.",
  'With this figure, the table "{0}" adds up to more than {1}, the largest sum that can be added and shown exactly.':
    'Med det här talet blir tabellen "{0}" större än {1}, den största summa som kan räknas och visas exakt.',
  "Check the number of digits, and the table's `unit`.": "Kontrollera antalet siffror, och tabellens enhet (`unit`).",
  'the line "{0}"': 'raden "{0}"',
  "the plan's budget (all lines and parties)": "planens budget (alla rader och parter)",
  "the report's utfall and carry-overs": "verksamhetsberättelsens utfall och överförda medel",
  "the contributions for {0}": "bidragen för {0}",
  "the budget of the agreement {0} over its years": "budgeten för avtalet {0} över alla dess år",
  "The contributions of {0} across its agreements add up to more than {1}, the largest sum that can be added and shown exactly, with the amount at {2}:{3}:{4}.":
    "Bidragen från {0} i alla dess avtal blir större än {1}, den största summa som kan räknas och visas exakt, med beloppet på {2}:{3}:{4}.",
  "Check the number of digits in the plans' amounts; they are kronor, not öre.": "Kontrollera antalet siffror i planernas belopp; de är kronor, inte ören.",
  // References between documents, parties and ids (src/rules/references.ts); the kinds of document (src/rules/rule.ts).
  "The reference {0} points outside the repository; documents refer to each other by id.":
    "Hänvisningen {0} pekar ut ur arkivet; dokumenten hänvisar till varandra med id.",
  "Use the id of a document in this repository: its path from the root without `.md`.":
    "Använd id för ett dokument i arkivet: dess sökväg från arkivets rot utan `.md`.",
  "a document": "ett dokument",
  "{0} is {1}, but {2} is expected here.": "{0} är {1}, men här ska det vara {2}.",
  "Refer to {0}.": "Hänvisa till {0}.",
  "No document has the id {0}.{1}": "Inget dokument har id {0}.{1}",
  "No {0} has the id {1}.{2}": "Inget dokument av typen {0} har id {1}.{2}",
  "A document's id is its path from the repository root without `.md`, or the `id` it sets. Existing: {0}.":
    "Ett dokuments id är dess sökväg från arkivets rot utan `.md`, eller det `id` som dokumentet anger. Befintliga: {0}.",
  "A document's id is its path from the repository root without `.md`, or the `id` it sets.":
    "Ett dokuments id är dess sökväg från arkivets rot utan `.md`, eller det `id` som dokumentet anger.",
  "No party has the id {0}.{1}": "Ingen part har id {0}.{1}",
  "Declare it under `parties:` in plan.config.yaml, or use {0}.": "Lägg till parten under `parties:` i plan.config.yaml, eller använd {0}.",
  "{0} is not a financier of this agreement (financiers: {1}), so its figure in the split is never used.":
    "{0} är inte finansiär i det här avtalet (finansiärer: {1}), så dess tal i fördelningen används aldrig.",
  "Name a financier, or add the contribution of {0} to the agreement.": "Ange en finansiär, eller lägg till bidraget från {0} i avtalet.",
  "{0} is not a financier of the agreement {1} (financiers: {2}).": "{0} är inte finansiär i avtalet {1} (finansiärer: {2}).",
  "Give the amount to a financier, or add the contribution of {0} to the agreement.":
    "För beloppet till en finansiär, eller lägg till bidraget från {0} i avtalet.",
  "{0} contributes but is not listed under `parties`.": "{0} bidrar men står inte under `parties`.",
  "Add {0} to `parties`.": "Lägg till {0} under `parties`.",
  "The plan has no goal {0}.{1}": "Planen har inget mål {0}.{1}",
  "Use the `id` of one of its goals.": "Använd `id` för ett av planens mål.",
  "The plan has no intervention {0}.{1}": "Planen har ingen insats {0}.{1}",
  "Use the `id` of one of its interventions.": "Använd `id` för en av planens insatser.",
  "The plan {0} has no budget line {1}.{2}": "Planen {0} har ingen budgetrad {1}.{2}",
  "Use the `id` of one of the plan's budget lines.": "Använd `id` för en av planens budgetrader.",
  "The plan {0} has no goal {1}.{2}": "Planen {0} har inget mål {1}.{2}",
  "Use the `id` of one of the plan's goals.": "Använd `id` för ett av planens mål.",
  "{0} is already the id of {1}[{2}]; ids in `{3}` must be unique.": "{0} är redan id för {1}[{2}]; id i `{3}` får bara förekomma en gång.",
  "Give this one a different id.": "Ge den här ett annat id.",
  "{0} is first the id of {1}[{2}] here.": "{0} är först id för {1}[{2}] här.",
  "The roll-ups of {0} would be written to the same files as those of {1}: `{2}/{3}-…`, one {4}'s figures replacing the other's.":
    "Sammanställningarna för {0} skulle skrivas till samma filer som de för {1}: `{2}/{3}-…`, så att siffrorna för det ena dokumentet ({4}) ersätter det andras.",
  "Rename one of the files, or give one an `id` that differs in letters or digits, not only in punctuation or case.":
    "Byt namn på en av filerna, eller ge den ett `id` som skiljer sig i bokstäver eller siffror, inte bara i skiljetecken eller stora och små bokstäver.",
  "The {0} {1}, whose roll-ups would be written to the same files.": "Dokumentet {1} ({0}), vars sammanställningar skulle skrivas till samma filer.",
  "The roll-up of {0} would be written to the same file as that of {1}: `{2}/{3}-across-agreements.csv`.":
    "Sammanställningen för {0} skulle skrivas till samma fil som den för {1}: `{2}/{3}-across-agreements.csv`.",
  "Give one of the parties an id that differs in letters or digits, not only in `-` or `_`.":
    "Ge en av parterna ett id som skiljer sig i bokstäver eller siffror, inte bara i `-` eller `_`.",
  "The party {0}, whose roll-up would be written to the same file.": "Parten {0}, vars sammanställning skulle skrivas till samma fil.",
  agreement: "samverkansavtal",
  "an agreement": "ett samverkansavtal",
  plan: "verksamhetsplan",
  "a plan": "en verksamhetsplan",
  report: "verksamhetsberättelse",
  "a report": "en verksamhetsberättelse",
  memo: "tjänsteskrivelse",
  "a memo": "en tjänsteskrivelse",
  indicator: "indikator",
  "an indicator": "en indikator",
  budget: "budget",
  "a budget": "en budget",
  meeting: "kallelse",
  "a meeting": "en kallelse",
  strategy: "strategi",
  "a strategy": "en strategi",
  "multi-year-plan": "flerårig plan",
  "a multi-year-plan": "en flerårig plan",
  "action-plan": "handlingsplan",
  "an action-plan": "en handlingsplan",
  "follow-up": "uppföljning",
  "a follow-up": "en uppföljning",
  form: "formulär",
  "a form": "ett formulär",
  fund: "social investeringsfond",
  "a fund": "en social investeringsfond",
  allocation: "medelsfördelning",
  "an allocation": "en medelsfördelning",
  "internal-control": "intern kontrollplan",
  "an internal-control": "en intern kontrollplan",
  // Money tables' figures (src/rules/tables.ts).
  "{0} figures": "{0} tal",
  "figure|figures": "tal|tal",
  "row|rows": "rad|rader",
  "the rounding of {0} printed in whole {1}": "avrundningen av {0} som skrivs i hela {1}",
  "the rows sum to {0}": "raderna blir tillsammans {0}",
  "{0} gives {1}": "{0} ger {1}",
  " {0} = {1}, as the table declares in {2}.": " {0} = {1}, som tabellen anger i {2}.",
  "{0}: {1}, the table states {2} (difference {3}, within {4}).{5}": "{0}: {1}, men tabellen anger {2} (skillnad {3}, inom {4}).{5}",
  "A residue of rounding: keep the figure as the source prints it, or write {0} to make the table add up.":
    "En rest av avrundning: behåll talet som källan skriver det, eller skriv {0} så att tabellen går ihop.",
  ", more than the ±{0} that {1} allows": ", mer än de ±{0} som {1} tillåter",
  "correct the row that is wrong": "rätta raden som är fel",
  "correct the rows it adds and subtracts": "rätta raderna som den lägger ihop och drar ifrån",
  "correct {0}": "rätta {0}",
  " If the table takes every deviation the other way, declare {0}.": " Om tabellen räknar varje avvikelse åt andra hållet, skriv {0}.",
  "{0}: {1} ({2}), the table states {3} (difference {4}{5}).{6}": "{0}: {1} ({2}), men tabellen anger {3} (skillnad {4}{5}).{6}",
  "Write {0}, or {1}.{2}": "Skriv {0}, eller {1}.{2}",
  "the row it sums is blank there": "raden som den summerar är tom där",
  "all {0} rows it sums are blank there": "alla {0} rader som den summerar är tomma där",
  "the rows it adds and subtracts ({0}) are blank there": "raderna som den lägger ihop och drar ifrån ({0}) är tomma där",
  "{0} is blank on this row": "{0} är tom på raden",
  "{0} are blank on this row": "{0} är tomma på raden",
  "{0}: the table states {1}, but {2}, and blank is not 0.": "{0}: tabellen anger {1}, men {2}, och tomt är inte detsamma som 0.",
  "Leave the total blank ({0}), or write the rows' figures.": "Lämna summan tom ({0}), eller skriv radernas tal.",
  "Leave the cell blank ({0}), or write the figures of the rows it adds and subtracts.":
    "Lämna rutan tom ({0}), eller skriv talen på raderna som den lägger ihop och drar ifrån.",
  "Leave the cell blank ({0}), or write the figures of {1}.": "Lämna rutan tom ({0}), eller skriv talen för {1}.",
  "the income side": "intäktssidan",
  "the cost side": "kostnadssidan",
  "the financing side": "finansieringssidan",
  "{0} writes positive": "{0} skriver utan minustecken",
  "the cost perspective writes negative": "kostnadsperspektivet skriver med minustecken",
  "the cost perspective writes positive": "kostnadsperspektivet skriver utan minustecken",
  "Write the amount positive ({0}) on the side it belongs to; if the table writes revenues negative, declare {1}.":
    "Skriv beloppet utan minustecken ({0}) på den sida det hör till; om tabellen skriver intäkter med minustecken, skriv {1}.",
  "Write revenues negative ({0}), or put the row on the {1} side if it is a cost; if the table writes income positive, declare {2}.":
    "Skriv intäkter med minustecken ({0}), eller för raden till sidan {1} om det är en kostnad; om tabellen skriver intäkter utan minustecken, skriv {2}.",
  "Write financing positive ({0}), as the cost perspective writes Kommunbidrag.":
    "Skriv finansiering utan minustecken ({0}), som kostnadsperspektivet skriver kommunbidrag.",
  "Write costs positive ({0}), or put the row on the {1} side if it is a revenue.":
    "Skriv kostnader utan minustecken ({0}), eller för raden till sidan {1} om det är en intäkt.",
  '"{0}" is on {1}, which {2}, but {3}.': 'Raden "{0}" står på {1}, som {2}, men {3}.',
  "{0} says {1}": "{0} anger {1}",
  "{0} {1} is": "{0} {1} är",
  "the costs, {0}, are": "kostnaderna, {0}, är",
  "the income and financing, {0}": "intäkterna och finansieringen, {0}",
  "the income, {0}": "intäkterna, {0}",
  "; the financing rows do not cover the difference": "; finansieringsraderna täcker inte skillnaden",
  "; no row finances the difference": "; ingen rad finansierar skillnaden",
  "{0}, and the table states no result.": "{0}, och tabellen anger inget resultat.",
  "{0}.": "{0}.",
  '{0}, and "{1}" shows {2}.': '{0}, och "{1}" visar {2}.',
  '"{0}", {1}: {2} {3} more than {4}{5}': '"{0}", {1}: {2} {3} mer än {4}{5}',
  "Add a row on the {0} side that covers the {1} (the use of equity, a contribution), or lower the costs.":
    "Lägg till en rad på sidan {0} som täcker de {1} (ianspråktaget eget kapital, ett bidrag), eller sänk kostnaderna.",
  "Add a row on the {0} side that covers the {1} (the use of equity, a contribution), or lower the costs; a formula row can state the result.":
    "Lägg till en rad på sidan {0} som täcker de {1} (ianspråktaget eget kapital, ett bidrag), eller sänk kostnaderna; en summarad kan visa resultatet.",
  // Accounts summed by a summary table (src/rules/accounts.ts).
  "{0} and {1} more": "{0} och {1} till",
  "the accounts no other row names ({0})": "de konton som ingen annan rad anger ({0})",
  "the accounts no other row names": "de konton som ingen annan rad anger",
  " without {0}": " utom {0}",
  "the account {0}{1}": "kontot {0}{1}",
  "the accounts {0}{1}": "kontona {0}{1}",
  "{0}{1}": "{0}{1}",
  '"{0}" (group {1})': '"{0}" (gruppen {1})',
  blank: "tom",
  '"{0}", {1} {2}': '"{0}", {1} {2}',
  '"{0}" {1}': '"{0}" {1}',
  "{0} in {1} sums to {2}": "{0} i {1} uppgår till {2}",
  "{0} in {1} sum to {2}": "{0} i {1} blir tillsammans {2}",
  "every account of {0} is named by another row": "varje konto i {0} anges av en annan rad",
  "{0} is not in {1}": "{0} finns inte i {1}",
  "{0} are not in {1}": "{0} finns inte i {1}",
  "{0} is blank in {1}": "{0} är tomt i {1}",
  "{0} are blank in {1}": "{0} är tomma i {1}",
  "Check the codes against the account rows of {0}, or the group the row's group names with `detail`.":
    "Jämför kontonumren med kontoraderna i {0}, eller med den grupp som radens grupp anger med `detail`.",
  "Fill in the accounts' amounts, or make the figure blank (`~`).": "Fyll i kontonas belopp, eller lämna talet tomt (`~`).",
  "Write `{0}` if the accounts are right; else correct the row's `accounts` and `except`, or the account rows.":
    "Skriv `{0}` om kontona stämmer; rätta annars radens `accounts` och `except`, eller kontoraderna.",
  "{0}; {1}.": "{0}; {1}.",
  "{0} takes its accounts from the table {1}, which is no other table of this document.":
    "{0} hämtar sina konton från tabellen {1}, som inte är någon annan tabell i dokumentet.",
  "Use the id of the table of accounts: {0}.": "Använd id för tabellen med konton: {0}.",
  "Add the table of accounts to `tables`, with an `id`.": "Lägg till tabellen med konton under `tables`, med ett `id`.",
  'The group\'s accounts are to be in the group {0} of "{1}", which has no group of that id.':
    'Gruppens konton ska finnas i gruppen {0} i "{1}", men där finns ingen grupp med det id:t.',
  "Use {0}.": "Använd {0}.",
  'Give the group of "{0}" an `id`.': 'Ge gruppen i "{0}" ett `id`.',
  "The group names a group of the table of accounts, but {0} names no table of accounts.":
    "Gruppen anger en grupp i tabellen med konton, men {0} anger ingen tabell med konton.",
  '"{0}" sums accounts, but {1} names no table of accounts.': 'Raden "{0}" summerar konton, men {1} anger ingen tabell med konton.',
  "Add `detail:` with the id of the table of accounts to the table.": "Lägg till `detail:` med id för tabellen med konton i tabellen.",
  'No column of {0} has a counterpart in "{1}" (the same `id`, or the same kind, year and party), so no account can be compared.':
    'Ingen kolumn i {0} har någon motsvarighet i "{1}" (samma `id`, eller samma typ, år och part), så inget konto kan jämföras.',
  "Give the columns of the two tables that hold the same figures the same `id`.": "Ge de kolumner i de två tabellerna som har samma tal samma `id`.",
  "The range {0} ends before it begins: it names no account.": "Intervallet {0} slutar innan det börjar: det anger inget konto.",
  "Write `{0}-{1}`.": "Skriv `{0}-{1}`.",
  "`rest` cannot be left out: it is what no row names.": "`rest` kan inte undantas: det är det som ingen rad anger.",
  "Name the accounts to leave out, e.g. `except: [7460, 7530]`.": "Ange de konton som ska undantas, till exempel `except: [7460, 7530]`.",
  '"{0}" leaves accounts out (`except`), but names none (`accounts`).': 'Raden "{0}" undantar konton (`except`), men anger inga (`accounts`).',
  "Add `accounts:` with the codes and ranges the row sums, or remove `except`.":
    "Lägg till `accounts:` med de kontonummer och intervall som raden summerar, eller ta bort `except`.",
  '"{0}" and "{1}" both sum the accounts no other row names (`rest`) of {2}.':
    'Både "{0}" och "{1}" summerar de konton i {2} som ingen annan rad anger (`rest`).',
  "Keep `rest` on one row; name the other row's accounts.": "Behåll `rest` på en rad; ange kontona för den andra raden.",
  '"{0}" sums the rest here': '"{0}" summerar resten här',
  'The account {0} is named by both "{1}" and "{2}" in {3}; each account of {4} belongs to one row.':
    'Kontot {0} anges av både "{1}" och "{2}" i {3}; varje konto i {4} hör till en rad.',
  "Leave it out of one of the rows (`except: [{0}]` for a range).": "Undanta det från en av raderna (`except: [{0}]` för ett intervall).",
  '"{0}" names it here': '"{0}" anger det här',
  'The accounts {0} are named by both "{1}" and "{2}" in {3}; each account of {4} belongs to one row.':
    'Kontona {0} anges av både "{1}" och "{2}" i {3}; varje konto i {4} hör till en rad.',
  "Leave them out of one of the rows (`except: [{0}]` for a range).": "Undanta dem från en av raderna (`except: [{0}]` för ett intervall).",
  '"{0}" names them here': '"{0}" anger dem här',
  "The account {0}{1} of {2} is in no row of {3}: no figure there includes it.":
    "Kontot {0}{1} i {2} finns inte på någon rad i {3}: inget tal där tar med det.",
  "Add {0} to the `accounts` of the row it belongs to, or give {1} a row with `accounts: [rest]`.":
    "Lägg till {0} i `accounts` på den rad kontot hör till, eller ge {1} en rad med `accounts: [rest]`.",
  // Indicators and goal fulfilment (src/rules/indicators.ts, src/model/board-goals.ts).
  "{0} {1} against target {2} ({3})": "{0} {1} mot målvärdet {2} ({3})",
  "{0} {1} against no target": "{0} {1} utan målvärde",
  "a share between 0 and 100 %": "en andel mellan 0 och 100 %",
  "between 0 and 1 000 per thousand": "mellan 0 och 1 000 promille",
  "a count of 0 or more": "ett antal, 0 eller mer",
  "0 kr or more": "0 kr eller mer",
  "The baseline {0} is out of range; the unit `{1}` needs {2}.": "Utgångsvärdet {0} ligger utanför det möjliga; enheten `{1}` kräver {2}.",
  "The target {0} for {1} is out of range; the unit `{2}` needs {3}.": "Målvärdet {0} för {1} ligger utanför det möjliga; enheten `{2}` kräver {3}.",
  "{0}: the {1} value {2} is out of range; the unit `{3}` needs {4}.": "{0}: värdet {2} för {1} ligger utanför det möjliga; enheten `{3}` kräver {4}.",
  "Check the value and the unit (a share is written in percent, 84.2, not 0.842).":
    "Kontrollera värdet och enheten (en andel skrivs i procent, 84.2, inte 0.842).",
  "The indicator is declared split by sex, but the year {0} lacks values for women and men.":
    "Indikatorn anges som uppdelad på kön, men år {0} saknar värden för kvinnor och män.",
  "The indicator is declared split by sex, but the years {0} lack values for women and men.":
    "Indikatorn anges som uppdelad på kön, men åren {0} saknar värden för kvinnor och män.",
  "Add `women:` and `men:` for those years (Kolada genders K and M), or set `bySex: false` and say so in the report.":
    "Lägg till `women:` och `men:` för de åren (kön K och M i Kolada), eller skriv `bySex: false` och säg det i verksamhetsberättelsen.",
  "The target year {0} lies outside the agreements of the plans using the indicator ({1}).":
    "Målåret {0} ligger utanför avtalen för de planer som använder indikatorn ({1}).",
  "The target year {0} lies outside the agreement of the plans using the indicator ({1}).":
    "Målåret {0} ligger utanför avtalet för de planer som använder indikatorn ({1}).",
  "Set a target for a year the agreement covers.": "Sätt ett målvärde för ett år som avtalet gäller.",
  "The Kolada municipality {0} is not the kommunkod of {1}, whose plans use the indicator.":
    "Kommunen {0} i Kolada är inte kommunkoden för {1}, vars planer använder indikatorn.",
  'Write `municipality: "{0}"`.': 'Skriv `municipality: "{0}"`.',
  "{0}; {1}": "{0}; {1}",
  "{0} ({1})": "{0} ({1})",
  "The report says the goal {0} is {1} ({2}), but its indicators give {3} ({4}): {5}.":
    "Verksamhetsberättelsen anger att målet {0} är {1} ({2}), men dess indikatorer ger {3} ({4}): {5}.",
  "Check the status and the indicators' values and targets; leave `status` out to print the computed one, or explain the difference in `comment`.":
    "Kontrollera bedömningen och indikatorernas värden och målvärden; utelämna `status` för att skriva ut den uträknade, eller förklara skillnaden i `comment`.",
  "{0}: {1} against target {2} ({3})": "{0}: {1} mot målvärdet {2} ({3})",
  "{0}: {1} against no target": "{0}: {1} utan målvärde",
  "The report says {0} ({1}), but the goal's indicators give {2} ({3}): {4}.":
    "Verksamhetsberättelsen anger {0} ({1}), men målets indikatorer ger {2} ({3}): {4}.",
  "Check the status and the indicator values; leave `status` out to use the computed one, or explain the difference in `comment`.":
    "Kontrollera bedömningen och indikatorernas värden; utelämna `status` för att använda den uträknade, eller förklara skillnaden i `comment`.",
  // Reports (src/rules/report.ts).
  "The report names both `plan: {0}` (the joint plan it follows up) and `organisation: {1}` (the board whose own report it is); a report is one or the other.":
    "Verksamhetsberättelsen anger både `plan: {0}` (den gemensamma plan den följer upp) och `organisation: {1}` (den nämnd vars egen berättelse det är); den kan bara vara det ena.",
  "Keep `plan` for the report of a joint plan (its parties come from the plan's agreement), or `organisation` for a board's own report.":
    "Behåll `plan` för berättelsen om en gemensam plan (parterna hämtas från planens avtal), eller `organisation` för en nämnds egen berättelse.",
  "The report names neither `plan` (the joint plan it follows up) nor `organisation` (the board whose own report it is).":
    "Verksamhetsberättelsen anger varken `plan` (den gemensamma plan den följer upp) eller `organisation` (den nämnd vars egen berättelse det är).",
  "Add `plan: <id of the plan>` for the report of a joint plan, or `organisation: <party id>` (declared in plan.config.yaml) for a board's own report.":
    "Lägg till `plan: <planens id>` för berättelsen om en gemensam plan, eller `organisation: <partens id>` (som finns i plan.config.yaml) för en nämnds egen berättelse.",
  "`{0}` belongs to a board's own report, but the report follows up the joint plan `{1}`, whose goals it takes.":
    "`{0}` hör till en nämnds egen verksamhetsberättelse, men den här följer upp den gemensamma planen `{1}` och hämtar målen därifrån.",
  "Leave `{0}` out, or make it a board's own report with `organisation` instead of `plan`.":
    "Ta bort `{0}`, eller gör berättelsen till en nämnds egen med `organisation` i stället för `plan`.",
  "`{0}` of the goal {1} belongs to a board's own report, but the report follows up the joint plan `{2}`, whose goals it takes.":
    "`{0}` för målet {1} hör till en nämnds egen verksamhetsberättelse, men den här följer upp den gemensamma planen `{2}` och hämtar målen därifrån.",
  "Leave `{0}` out: the report prints the goal as the plan writes it.": "Ta bort `{0}`: berättelsen skriver målet som planen skriver det.",
  "The goal {0} has no `title`; a board's own report has no plan to take the goal's text from.":
    "Målet {0} saknar `title`; en nämnds egen verksamhetsberättelse har ingen plan att hämta målets text från.",
  "Write the goal as the report prints it under `title:`.": "Skriv målet som berättelsen ska visa det under `title:`.",
  "`{0}` follows up the budget lines of a joint plan, but the report names no `plan` (it is the own report of `{1}`).":
    "`{0}` följer upp budgetraderna i en gemensam plan, men verksamhetsberättelsen anger ingen `plan` (den är `{1}`s egen berättelse).",
  "`{0}` follows up the budget lines of a joint plan, but the report names no `plan`.":
    "`{0}` följer upp budgetraderna i en gemensam plan, men verksamhetsberättelsen anger ingen `plan`.",
  "Write a board's budget and utfall in `tables:` (money tables), or name the plan the report follows up.":
    "Skriv en nämnds budget och utfall under `tables:` (tabeller med belopp), eller ange den plan som berättelsen följer upp.",
  'The report is decided, but it gives no utfall on the line "{0}" of the plan {1}.':
    'Verksamhetsberättelsen är beslutad, men den anger inget utfall på raden "{0}" i planen {1}.',
  "Write each party's utfall for `line: {0}` under `outcome:` (0 where nothing was spent), or set `status: draft` until it is known.":
    "Skriv varje parts utfall för `line: {0}` under `outcome:` (0 där inget har använts), eller skriv `status: draft` tills det är känt.",
  'The report is decided, but it gives no utfall for {0} on the line "{1}" of the plan {2}, whose budget there is {3} kr.':
    'Verksamhetsberättelsen är beslutad, men den anger inget utfall för {0} på raden "{1}" i planen {2}, där budgeten är {3} kr.',
  "Write `{0}:` with its utfall for `line: {1}` under `outcome:` (0 where nothing was spent; a blank is not 0), or set `status: draft` until it is known.":
    "Skriv `{0}:` med utfallet för `line: {1}` under `outcome:` (0 där inget har använts; tomt är inte detsamma som 0), eller skriv `status: draft` tills det är känt.",
  "Write `{0}:` with its utfall in the line's `parties:` (0 where nothing was spent; a blank is not 0), or set `status: draft` until it is known.":
    "Skriv `{0}:` med utfallet under radens `parties:` (0 där inget har använts; tomt är inte detsamma som 0), eller skriv `status: draft` tills det är känt.",
  // A board's goals and their figures (src/rules/board-goals.ts, src/model/measure.ts).
  "a number with a decimal comma, a sign where it matters and `%` for a share: `95 %`, `-2,4 %`, `+5 %`, a range `5-10`":
    "ett tal med decimalkomma, tecken där det spelar roll och `%` för en andel: `95 %`, `-2,4 %`, `+5 %`, ett intervall `5-10`",
  "{0} has more than {1} decimals": "{0} har fler än {1} decimaler",
  "Round it to at most {0} decimals.": "Avrunda till högst {0} decimaler.",
  "{0} is not a figure": "{0} är inget tal",
  "Write {0}.": "Skriv {0}.",
  "{0} is written in exponent form": "{0} är skrivet i exponentform",
  "Write it out, e.g. as text: {0}.": "Skriv ut talet, till exempel som text: {0}.",
  '"{0}" is a value to come close to, which only a target can be': '"{0}" är ett värde att komma nära, och det kan bara ett målvärde vara',
  "Write the value measured, e.g. `86 %`; `ca` and `nära` are for a target.":
    "Skriv det uppmätta värdet, till exempel `86 %`; `ca` och `nära` är till för målvärden.",
  '"{0}" is a share (%), but the indicator\'s unit is not `percent`': '"{0}" är en andel (%), men indikatorns enhet är inte `percent`',
  "Leave out `%`, or set `unit: percent`.": "Ta bort `%`, eller skriv `unit: percent`.",
  '"{0}" has a decimal point': '"{0}" har decimalpunkt',
  'Write a decimal comma: "{0}" (or the number without quotes).': 'Skriv decimalkomma: "{0}" (eller talet utan citattecken).',
  'The range "{0}" does not go from a lower to a higher value': 'Intervallet "{0}" går inte från ett lägre till ett högre värde',
  "Write the lower value first, e.g. `5-10`.": "Skriv det lägre värdet först, till exempel `5-10`.",
  '"{0}" is not a figure in the report\'s notation': '"{0}" är inget tal som verksamhetsberättelsen skriver tal',
  "Write {0}, or `ca 0 %` for a target to come close to.": "Skriv {0}, eller `ca 0 %` för ett målvärde att komma nära.",
  'The {0} target of the indicator "{1}" (goal {2}): {3}.': 'Målvärdet för {0} för indikatorn "{1}" (målet {2}): {3}.',
  'The {0} value of the indicator "{1}" (goal {2}): {3}.': 'Värdet för {0} för indikatorn "{1}" (målet {2}): {3}.',
  "it has {0}": "den har {0}",
  "it declares none": "den anger inga",
  "The goal {0} serves the kommunfullmäktige goal {1}, which the report's `councilGoals` does not declare ({2}).":
    "Målet {0} bidrar till kommunfullmäktiges mål {1}, som verksamhetsberättelsens `councilGoals` inte anger ({2}).",
  'Declare kommunfullmäktige\'s goal {0} under `councilGoals` (`- {{ id: "{1}", title: … }}`), write `council:` with the goal it serves, or `passedOn: false` for a goal the board keeps to itself.':
    'Ange kommunfullmäktiges mål {0} under `councilGoals` (`- {{ id: "{1}", title: … }}`), skriv `council:` med det mål det bidrar till, eller `passedOn: false` för ett mål som nämnden behåller för egen del.',
  "The goal {0} is in the part {1}, which the report's `parts` does not declare ({2}).{3}":
    "Målet {0} står i delen {1}, som verksamhetsberättelsens `parts` inte anger ({2}).{3}",
  "Use the `id` of one of the report's `parts`, or declare the part.": "Använd `id` för en av berättelsens delar (`parts`), eller lägg till delen.",
  "{0} is already the id of parts[{1}]; each part is declared once.": "{0} är redan id för parts[{1}]; varje del anges en gång.",
  "Give this part a different id.": "Ge den här delen ett annat id.",
  "{0} is first declared here.": "{0} anges först här.",
  "The part {0} prints the money table {1}, which the report's `tables` does not have.{2}":
    "Delen {0} visar tabellen {1}, som inte finns bland verksamhetsberättelsens `tables`.{2}",
  "Use the `id` of one of the report's money tables.": "Använd `id` för en av berättelsens tabeller med belopp.",
  "The part to kommunfullmäktige, {0}, comes after the board's own part {1}.": "Delen till kommunfullmäktige, {0}, kommer efter nämndens egen del {1}.",
  "List the part to kommunfullmäktige first (del 1), the board's part after it (del 2).":
    "Lägg delen till kommunfullmäktige först (del 1) och nämndens del efter den (del 2).",
  "the part {0} of {1}": "delen {0} i {1}",
  "Give the goal one id wherever it is written, or reword one of them if they are different goals.":
    "Ge målet samma id överallt där det står, eller formulera om ett av dem om det är olika mål.",
  'The goal "{0}" is {1} here but {2} in {3}.': 'Målet "{0}" är {1} här men {2} i {3}.',
  "The same goal is {0} here.": "Samma mål är {0} här.",
  // Generated parts placed in the body (src/rules/body.ts, src/model/parts.ts).
  "a table of `tables:`": "en tabell under `tables:`",
  "the `area` of a local goal": "ett lokalt måls område (`area`)",
  "an intervention of `interventions:`": "en insats under `interventions:`",
  "an application of `applications:`": "en ansökan under `applications:`",
  none: "inga",
  "{0} is no part of {1} (that part belongs to {2}); {3} places {4}.": "{0} finns inte i {1} (den delen hör till {2}); i {3} kan du placera {4}.",
  "{0} names no part that {1} generates; {2} places {3}.": "{0} anger ingen del som skapas i {1}; i {2} kan du placera {3}.",
  "Write one of {0} on a line of its own, or remove the line.": "Skriv en av {0} på en egen rad, eller ta bort raden.",
  "Remove the line: the sections of {0} are its own and it places no generated part.":
    "Ta bort raden: avsnitten i {0} är dess egna, och där placeras inga delar som skapas.",
  "A board's own report (`organisation`, no `plan`) places no {0} (that part belongs to the report of a joint plan); it places {1}.":
    "I en nämnds egen verksamhetsberättelse (`organisation`, ingen `plan`) finns inte {0} (den delen hör till berättelsen om en gemensam plan); där kan du placera {1}.",
  "{0} is in a report in parts (`parts:`), whose money tables each part prints under its Ekonomi (its `tables:`); here it would print nothing.":
    "{0} står i en verksamhetsberättelse i delar (`parts:`), där varje del visar sina tabeller under sin rubrik Ekonomi (dess `tables:`); här skulle den inte visa något.",
  "Remove the line, and name the table in the `tables:` of the part it belongs to.": "Ta bort raden, och ange tabellen under `tables:` i den del den hör till.",
  "{0} opens a block; a generated part is placed with two colons on a line of its own, and holds no text.":
    "{0} inleder ett block; en del som skapas placeras med två kolon på en egen rad och innehåller ingen text.",
  "Write {0} on a line of its own, and move the text inside the block out of it.": "Skriv {0} på en egen rad, och flytta ut texten ur blocket.",
  "{0} stands inside a list or a quote; a generated part is placed on a line of its own at the body's top level.":
    "{0} står i en lista eller ett citat; en del som skapas placeras på en egen rad utanför listor och citat.",
  "Move the directive out of the list or quote, with a blank line before and after it.":
    "Flytta ut raden ur listan eller citatet, med en tom rad före och efter.",
  "{0} takes only {1}, but {2} gives {3}.": "{0} tar bara {1}, men {2} anger {3}.",
  "{0} takes no attributes, but {1} gives {2}.": "{0} tar inga attribut, men {1} anger {2}.",
  "the empty name": "det tomma namnet",
  "{0}: {1} is not {2} of this {3}; it has {4}.": "{0}: {1} är inte {2} i dokumentet ({3}); där finns {4}.",
  "{0}: {1} is not {2} of this {3}.": "{0}: {1} är inte {2} i dokumentet ({3}).",
  "Name one of them, or write {0} for all.": "Ange en av dem, eller skriv {0} för alla.",
  "{0} is placed a second time; the part would be printed twice.": "{0} placeras en andra gång; delen skulle visas två gånger.",
  "{0} shows part of what {1} already shows; it would be printed twice.": "{0} visar en del av det som {1} redan visar; det skulle visas två gånger.",
  "Remove one of the two lines.": "Ta bort en av de två raderna.",
  "Remove one of the two lines, or pick each item once with {0}.": "Ta bort en av de två raderna, eller välj varje post en gång med {0}.",
  "Placed first here.": "Placerad först här.",
  // Files that could run when published (src/rules/active.ts, src/model/active-content.ts).
  "an HTML page": "en HTML-sida",
  "a JavaScript file": "en JavaScript-fil",
  "an XML file, which a browser renders with its style sheets and scripts": "en XML-fil, som en webbläsare visar med dess stilmallar och skript",
  "a compressed SVG, whose content cannot be checked": "en komprimerad SVG, vars innehåll inte kan kontrolleras",
  "a `<script>` element": "ett `<script>`-element",
  "a `<foreignObject>` element, which embeds HTML": "ett `<foreignObject>`-element, som bäddar in HTML",
  "an `<iframe>` element": "ett `<iframe>`-element",
  "an `<embed>` element": "ett `<embed>`-element",
  "an `<object>` element": "ett `<object>`-element",
  "a `<handler>` element, which runs a script": "ett `<handler>`-element, som kör ett skript",
  "a `<listener>` element": "ett `<listener>`-element",
  "XML that cannot be read ({0}) (a browser may read it otherwise)": "XML som inte kan läsas ({0}) (en webbläsare kan läsa den på annat sätt)",
  "a DOCTYPE with declarations (entities can bring in markup)": "en DOCTYPE med deklarationer (entiteter kan föra in kod)",
  "an `<?xml-stylesheet?>` instruction, which loads a style sheet or XSLT": "en `<?xml-stylesheet?>`-instruktion, som läser in en stilmall eller XSLT",
  "an event handler `{0}` on `<{1}>`": "en händelsehanterare `{0}` på `<{1}>`",
  "HTML elements (the XHTML namespace)": "HTML-element (XHTML-namnrymden)",
  "an `<{0}>` that changes `{1}`": "ett `<{0}>` som ändrar `{1}`",
  "a `{0}:` address in `{1}`": "en `{0}:`-adress i `{1}`",
  "a reference to `{0}` outside the SVG": "en hänvisning till `{0}` utanför SVG-filen",
  "a reference to `{0}` outside the SVG in `{1}`": "en hänvisning till `{0}` utanför SVG-filen i `{1}`",
  "a style sheet that imports another (`@import`)": "en stilmall som läser in en annan (`@import`)",
  "a reference to `{0}` outside the SVG in a style sheet": "en hänvisning till `{0}` utanför SVG-filen i en stilmall",
  "The image {0}": "Bilden {0}",
  "The file {0}": "Filen {0}",
  "{0} is refused: it holds {1}{2}: published, it could run or load something when a reader opens it.":
    "{0} avvisas: den innehåller {1}{2}: publicerad skulle den kunna köra eller hämta något när en läsare öppnar den.",
  "{0} is refused: it is {1}{2}: published, it could run or load something when a reader opens it.":
    "{0} avvisas: den är {1}{2}: publicerad skulle den kunna köra eller hämta något när en läsare öppnar den.",
  "Remove it from the SVG (or save the image as a plain SVG or as PNG), then check again.":
    "Ta bort det ur SVG-filen (eller spara bilden som en enkel SVG eller som PNG), och kontrollera sedan igen.",
  "Publish it in a form that cannot run (PDF, or a text or image file), or leave the link out.":
    "Publicera den i en form som inte kan köras (PDF, eller en text- eller bildfil), eller ta bort länken.",
  // Meetings: the kallelse and its agenda (src/rules/meeting.ts).
  diarienummer: "diarienummer",
  "decision's diarienummer": "beslutets diarienummer",
  "{0} is not a diarienummer of {1}, which look like {2}.": "{0} är inget diarienummer hos {1}, där de ser ut som {2}.",
  "Copy the number the registrar assigned to the case.": "Kopiera det nummer som registratorn gav ärendet.",
  "The {0}'s {1}.": "Dokumentets {1} ({0}).",
  "Item {0} has no Dnr, but its {1} {2} has the {3} {4}.": "Ärende {0} saknar Dnr, men dess {1} {2} har {3} {4}.",
  "Write `dnr: {0}` under the item.": "Skriv `dnr: {0}` under ärendet.",
  "Item {0} is on the agenda with Dnr {1}, but its {2} {3} has the {4} {5}.":
    "Ärende {0} står på föredragningslistan med Dnr {1}, men dess {2} {3} har {4} {5}.",
  "Write `dnr: {0}`, or name the documents of the case {1}.": "Skriv `dnr: {0}`, eller ange handlingarna i ärendet {1}.",
  "Item {0} is on the agenda as {1}, but the proposal of its memo {2} passes the decision on to no other body, so {3} decides it.":
    "Ärende {0} står på föredragningslistan som {1}, men förslaget till beslut i dess tjänsteskrivelse {2} lämnar inte beslutet vidare till något annat organ, så {3} beslutar.",
  'Item {0} is on the agenda as {1}, but the proposal of its memo {2} sends the decision to {3}: "{4}"':
    'Ärende {0} står på föredragningslistan som {1}, men förslaget till beslut i dess tjänsteskrivelse {2} lämnar beslutet till {3}: "{4}"',
  "Write `decides: {0}`, or correct the memo's proposal.": "Skriv `decides: {0}`, eller rätta tjänsteskrivelsens förslag till beslut.",
  "The memo's proposal.": "Tjänsteskrivelsens förslag till beslut.",
  "Item {0} puts {1} before the board, but it is a draft (`status: draft`).":
    "Ärende {0} lägger fram {1} för nämnden, men det är ett utkast (`status: draft`).",
  "Finish the document and set `status: decided` in it, or take it off the agenda.":
    "Gör klart dokumentet och skriv `status: decided` i det, eller ta bort det från föredragningslistan.",
  "The document's status.": "Dokumentets status.",
  "The first item is numbered {0}: the items are numbered 1, 2, 3, … in the order of the agenda.":
    "Det första ärendet har nummer {0}: ärendena numreras 1, 2, 3, … i föredragningslistans ordning.",
  "Item {0} follows item {1}: the items are numbered 1, 2, 3, … in the order of the agenda.":
    "Ärende {0} kommer efter ärende {1}: ärendena numreras 1, 2, 3, … i föredragningslistans ordning.",
  "Write `number: {0}`, or move the item to its place.": "Skriv `number: {0}`, eller flytta ärendet till sin plats.",
  "the meeting's start": "sammanträdets början",
  "item {0}": "ärende {0}",
  "the meddelanden": "meddelandena",
  "the delegeringsbeslut": "delegeringsbesluten",
  "the meeting's planned end": "sammanträdets planerade slut",
  "The time of {0}, {1}, is earlier than that of {2}, {3}: the times of the agenda rise.":
    "Tiden för {0}, {1}, är tidigare än tiden för {2}, {3}: tiderna i föredragningslistan ska stiga.",
  "Correct the time, or move the item to its place in the agenda.": "Rätta tiden, eller flytta ärendet till sin plats i föredragningslistan.",
  // Names the build would write (src/rules/paths.ts: path/name-length, path/own-output).
  "`plan build` would write {0}, a name of {1} bytes; file systems take at most {2}.":
    "`plan build` skulle skriva {0}, ett namn på {1} byte; filsystem tar högst {2}.",
  "Give the file a shorter name.": "Ge filen ett kortare namn.",
  "Give the document a shorter `id`.": "Ge dokumentet ett kortare `id`.",
  "Give the file (and its folder) a shorter name, or the document a shorter `id`.":
    "Ge filen (och dess mapp) ett kortare namn, eller dokumentet ett kortare `id`.",
  "Give the party a shorter id.": "Ge parten ett kortare id.",
  "the start page": "startsidan",
  "the page of {0}": "sidan för {0}",
  "the PDF of {0}": "PDF-filen för {0}",
  "the meeting packet of {0}": "sammanträdeshandlingarna för {0}",
  "a roll-up of {0}": "en sammanställning för {0}",
  "the roll-up of {0}": "sammanställningen för {0}",
  "the roll-up of the money tables per organisation": "sammanställningen av tabellerna med belopp per organisation",
  "The image {0} names {1}, the path of {2} in the output: it would not be published.":
    "Bilden {0} anger {1}, sökvägen till {2} i det som byggs: den skulle inte publiceras.",
  "The link {0} names {1}, the path of {2} in the output: it would not be published.":
    "Länken {0} anger {1}, sökvägen till {2} i det som byggs: den skulle inte publiceras.",
  "Give the file another name or put it in another folder, and change the link.": "Ge filen ett annat namn eller lägg den i en annan mapp, och ändra länken.",
  // Ids declared twice (src/model/load-repository.ts: id/duplicate).
  "The party id `{0}` is declared twice.": "Partens id `{0}` finns två gånger.",
  "Give each party its own id.": "Ge varje part ett eget id.",
  "The party `{0}` is first declared here.": "Parten `{0}` finns först här.",
  "Another document already has the id `{0}`.": "Ett annat dokument har redan id `{0}`.",
  "Give one of them a different `id`, or rename its file.": "Ge ett av dem ett annat `id`, eller byt namn på dess fil.",
  "The document that has the id `{0}` first.": "Det dokument som först har id `{0}`.",
  "{0} already holds the values of {1} for {2}.": "{0} innehåller redan värdena för {1} för {2}.",
  "Keep one file per KPI and municipality; `plan kolada import` merges into it.": "Ha en fil per nyckeltal och kommun; `plan kolada import` lägger till i den.",
  "The values of {0} for {1}, first held here.": "Värdena för {0} för {1}, som finns först här.",
  // New kinds, commands (sv-b)
  // Forms (src/rules/forms.ts).
  "its form {0}": "dess formulär {0}",
  "the default form of memos": "standardformuläret för tjänsteskrivelser",
  "The plan": "Verksamhetsplanen",
  "The memo": "Tjänsteskrivelsen",
  plans: "verksamhetsplaner",
  memos: "tjänsteskrivelser",
  "{0} lacks the heading {1}{2}, which {3} requires{4}{5}.": "{0} saknar rubriken {1}{2}, som {3} kräver{4}{5}.",
  " in {0}": " i {0}",
  " after {0}": " efter {0}",
  ", before {0}": ", före {0}",
  "Add `{0} {1}` with its text {2}{3}.": "Lägg till `{0} {1}` med dess text {2}{3}.",
  "above this heading": "ovanför den här rubriken",
  "at the end of the section": "i slutet av avsnittet",
  "at the end of the text": "i slutet av texten",
  ", or list it under `optional` in {0} if {1} may leave it out": ", eller skriv den under `optional` i {0} om {1} får utelämna den",
  "The heading {0} is out of the order of {1}, which puts it {2}{3}.": "Rubriken {0} står inte i den ordning som {1} har, där den kommer {2}{3}.",
  "after {0}": "efter {0}",
  first: "först",
  "Move the section to follow {0}.": "Flytta avsnittet så att det följer efter {0}.",
  "Move the section to the start of {0}.": "Flytta avsnittet till början av {0}.",
  "the text": "texten",
  "The heading {0} has no text under it; {1} requires the section.": "Rubriken {0} har ingen text under sig; {1} kräver avsnittet.",
  "Write the section's text under the heading.": "Skriv avsnittets text under rubriken.",
  "The heading {0} is not a heading of {1}{2}, which has {3}.": "Rubriken {0} finns inte i {1}{2}, som har {3}.",
  "Write `{0} {1}`, if that is the section meant.": "Skriv `{0} {1}`, om det är det avsnittet som menas.",
  "Use one of the form's headings, make it a sub-heading (`{0}#`), or add it to {1}.":
    "Använd en av formulärets rubriker, gör den till en underrubrik (`{0}#`) eller lägg till den i {1}.",
  "the section {0}": "avsnittet {0}",
  "The memo has no `genderEquality`, the questionnaire of the section {0} that {1} requires.":
    "Tjänsteskrivelsen har inget `genderEquality`, frågorna i avsnittet {0} som {1} kräver.",
  "Add `genderEquality:` with `affects`, `visible`, `differentEffects` (each `true` or `false`) and `goals` (the answer in words).":
    "Lägg till `genderEquality:` med `affects`, `visible`, `differentEffects` (vart och ett `true` eller `false`) och `goals` (svaret i ord).",
  "{0} is not a header field of {1}{2}.": "{0} är inget fält i sidhuvudet i {1}{2}.",
  ", which has {0}": ", som har {0}",
  ", which has none": ", som inte har några",
  "{0} has header fields but no form that declares them.": "{0} har fält i sidhuvudet men inget formulär som anger dem.",
  "Remove it, or add `{{ label: {0} }}` under `fields` in {1}.": "Ta bort det, eller lägg till `{{ label: {0} }}` under `fields` i {1}.",
  "Name its form with `form:` (a document of `kind: form` that lists the fields), or remove `fields`.":
    "Ange dess formulär med `form:` (ett dokument med `kind: form` som räknar upp fälten), eller ta bort `fields`.",
  "{0} lacks the header fields {1}, which {2} requires.": "{0} saknar fälten {1} i sidhuvudet, som {2} kräver.",
  "{0} lacks the header field {1}, which {2} requires.": "{0} saknar fältet {1} i sidhuvudet, som {2} kräver.",
  "Write {0} under `fields:`.": "Skriv {0} under `fields:`.",
  "The plan names neither the agreement it belongs to (`agreement`) nor the organisation whose own plan it is (`organisation`).":
    "Verksamhetsplanen anger varken det avtal den hör till (`agreement`) eller den organisation vars egen plan den är (`organisation`).",
  "Write `agreement: <id of the agreement>`, or `organisation: <party id>` for a plan outside any agreement.":
    "Skriv `agreement: <avtalets id>`, eller `organisation: <partens id>` för en plan utanför avtal.",
  "The plan has budget lines, but {0} says its plans have no money (`money: absent`).":
    "Verksamhetsplanen har budgetposter, men {0} säger att dess planer inte har några pengar (`money: absent`).",
  "Remove `budget`, or write `money: optional` in {0}.": "Ta bort `budget`, eller skriv `money: optional` i {0}.",
  "`print` says how memos are printed, but this is a form for {0}, whose pages do not read it.":
    "`print` anger hur tjänsteskrivelser skrivs ut, men det här är ett formulär för {0}, vars sidor inte läser det.",
  "Remove `print`, or write `for: memo` if the form is for memos.": "Ta bort `print`, eller skriv `for: memo` om formuläret är för tjänsteskrivelser.",
  "{0} is a form for {1}, but this is {2}.": "{0} är ett formulär för {1}, men det här är {2}.",
  "Name a form whose `for` is `{0}`.": "Ange ett formulär vars `for` är `{0}`.",
  "No form has the id {0}.": "Inget formulär har id {0}.",
  "{0} is a {1}, not a form.": "{0} är inget formulär utan `kind: {1}`.",
  "{0} is a form for {1}, not for {2}.": "{0} är ett formulär för {1}, inte för {2}.",
  "Name a document of `kind: form` with `for: {0}`{1}.": "Ange ett dokument med `kind: form` och `for: {0}`{1}.",
  // Plan hierarchies (src/rules/hierarchy.ts).
  "from {0}": "från {0}",
  "it has none": "den har inga",
  "{0} has no goal {1}.{2}": "{0} har inget mål {1}.{2}",
  "{0} Its goals: {1}.": "{0} Dess mål: {1}.",
  "{0} It has no goals yet.": "{0} Den har inga mål ännu.",
  "The strategy {0}": "Strategin {0}",
  "Name a goal of the strategy.": "Ange ett av strategins mål.",
  "The multi-year plan {0}": "Den fleråriga planen {0}",
  "Name a goal of the plan.": "Ange ett av planens mål.",
  "This action plan": "Den här handlingsplanen",
  "Name one of the action plan's goals under `goals`.": "Ange ett av handlingsplanens mål under `goals`.",
  "The plan runs {0}, outside its strategy's period {1}.": "Planen gäller {0}, utanför strategins period {1}.",
  "Correct the plan's `period`, or the strategy's ({0}).": "Rätta planens `period`, eller strategins ({0}).",
  "The action plan runs {0}, outside its multi-year plan's period {1}.": "Handlingsplanen gäller {0}, utanför den fleråriga planens period {1}.",
  "Correct the action plan's `period`, or the plan's ({0}).": "Rätta handlingsplanens `period`, eller planens ({0}).",
  "The follow-up is of {0}, but the plan {1} runs {2}.": "Uppföljningen gäller {0}, men planen {1} gäller {2}.",
  "Write a year of the plan's period, or follow up the plan that runs in {0}.": "Skriv ett år inom planens period, eller följ upp den plan som gäller {0}.",
  "The activity {0} runs {1}, outside its action plan's period {2}.": "Aktiviteten {0} pågår {1}, utanför handlingsplanens period {2}.",
  "Correct the activity's `years`, or the action plan's `period`.": "Rätta aktivitetens `years`, eller handlingsplanens `period`.",
  "Name one of the plan's goals: {0}.": "Ange ett av planens mål: {0}.",
  "The goal {0} is followed up twice.": "Målet {0} följs upp två gånger.",
  "Keep one entry per goal.": "Behåll en uppföljning per mål.",
  "The action plan {0} is followed up twice.": "Handlingsplanen {0} följs upp två gånger.",
  "Keep one entry per action plan.": "Behåll en uppföljning per handlingsplan.",
  "The action plan {0} carries out {1}, not the plan followed up ({2}).": "Handlingsplanen {0} genomför {1}, inte planen som följs upp ({2}).",
  "Name an action plan of {0}: {1}.": "Ange en handlingsplan till {0}: {1}.",
  "The action plan {0} runs {1}, not in {2}.": "Handlingsplanen {0} gäller {1}, inte {2}.",
  "Leave it out of the follow-up of {0}, or correct its `period`.": "Ta bort den ur uppföljningen av {0}, eller rätta dess `period`.",
  "The action plan {0} has no goal {1}.{2}": "Handlingsplanen {0} har inget mål {1}.{2}",
  "Name one of its goals: {0}.": "Ange ett av dess mål: {0}.",
  "The activity {0} is followed up twice.": "Aktiviteten {0} följs upp två gånger.",
  "Keep one entry per activity.": "Behåll en uppföljning per aktivitet.",
  "The action plan {0} has no activity {1}.{2}": "Handlingsplanen {0} har ingen aktivitet {1}.{2}",
  "Name one of its activities of {0}: {1}.": "Ange en av dess aktiviteter för {0}: {1}.",
  "The activity {0} runs {1}, not in {2}.": "Aktiviteten {0} pågår {1}, inte {2}.",
  "Leave it out of the follow-up of {0}, or correct its `years` in {1}.": "Ta bort den ur uppföljningen av {0}, eller rätta dess `years` i {1}.",
  "The decided follow-up of {0}": "Den beslutade uppföljningen av {0}",
  "The follow-up of {0}": "Uppföljningen av {0}",
  "Add `- {{ {0}, status: …, comment: … }}` under {1}, with the status one of {2}{3}.":
    "Lägg till `- {{ {0}, status: …, comment: … }}` under {1}, med en status av {2}{3}.",
  ", before the follow-up is decided": ", innan uppföljningen beslutas",
  "`goals`": "`goals`",
  "the action plan's `goals`": "handlingsplanens `goals`",
  "the action plan's `activities`": "handlingsplanens `activities`",
  '{0} leaves out the goal {1} ("{2}") of the plan {3}.': '{0} utelämnar målet {1} ("{2}") i planen {3}.',
  '{0} leaves out the action plan {1} ("{2}"), which runs in {3}, with its {4} of the year.':
    '{0} utelämnar handlingsplanen {1} ("{2}"), som gäller {3}, med dess {4} under året.',
  "activity|activities": "aktivitet|aktiviteter",
  "Add `- actionPlan: {0}` under `actionPlans`, with the status of each of its goals and activities of {1}.":
    "Lägg till `- actionPlan: {0}` under `actionPlans`, med status för vart och ett av dess mål och aktiviteter för {1}.",
  '{0} leaves out the goal {1} ("{2}") of the action plan {3}.': '{0} utelämnar målet {1} ("{2}") i handlingsplanen {3}.',
  '{0} leaves out the activity {1} ("{2}") of the action plan {3}, which runs in {4}.':
    '{0} utelämnar aktiviteten {1} ("{2}") i handlingsplanen {3}, som pågår {4}.',
  // Social investment funds (src/rules/fund.ts).
  "nothing set aside": "inget avsatt",
  "{0} set aside": "{0} avsatt",
  "nothing granted": "inget beviljat",
  "{0} granted": "{0} beviljat",
  "nothing repaid": "inget återbetalt",
  "{0} repaid": "{0} återbetalt",
  "The fund's balance goes below zero in {0}: {1} at the start of the year, {2}, {3} ({4}), {5}, {6} at the end.":
    "Fondens saldo blir negativt år {0}: {1} vid årets början, {2}, {3} ({4}), {5}, {6} vid årets slut.",
  "Lower the grants of {0} by at least {1}, move a part of them to a later year, or set aside more capital by {2}.":
    "Sänk beviljade medel för {0} med minst {1}, flytta en del av dem till ett senare år, eller avsätt mer kapital senast {2}.",
  "no municipal actor": "ingen kommunal aktör",
  "1 municipal actor ({0})": "1 kommunal aktör ({0})",
  " and {0}": " och {0}",
  "other actor|other actors": "annan aktör|andra aktörer",
  'The application "{0}" names {1}{2}; the fund\'s rule asks for at least two: "{3}"': 'Ansökan "{0}" anger {1}{2}; fondens regel kräver minst två: "{3}"',
  "Name the second sector of the municipality that works in it, with `municipal: true`, or mark an actor of the municipality `municipal: true`.":
    "Ange den andra sektorn i kommunen som arbetar i projektet, med `municipal: true`, eller märk en av kommunens aktörer med `municipal: true`.",
  "Name at least two sectors of the municipality that work in it under `actors`, each with `municipal: true`.":
    "Ange minst två sektorer i kommunen som arbetar i projektet under `actors`, var och en med `municipal: true`.",
  'The application "{0}" has no plan for evaluating its effect.': 'Ansökan "{0}" har ingen plan för att utvärdera effekten.',
  "Write `evaluation:` under the application: who evaluates its effect, how, and against what.":
    "Skriv `evaluation:` under ansökan: vem som utvärderar effekten, hur och mot vad.",
  'The application "{0}" has no decision.': 'Ansökan "{0}" har inget beslut.',
  'The application "{0}" has no decision, but the fund is decided.': 'Ansökan "{0}" har inget beslut, men fonden är beslutad.',
  "Write its `decision:` (outcome, date, body, and for a grant the amount per year), or take the application out until it is decided.":
    "Skriv dess `decision:` (utfall, datum, beslutande organ och, om medel beviljas, beloppet per år), eller ta bort ansökan tills den är beslutad.",
  'The application "{0}" is granted, but its decision gives no amount per year.': 'Ansökan "{0}" är beviljad, men beslutet anger inget belopp per år.',
  "Write the amount granted for each year under `years`, e.g. `years: {{ 2013: 1200000 }}`.":
    "Skriv det beviljade beloppet för varje år under `years`, till exempel `years: {{ 2013: 1200000 }}`.",
  'The application "{0}" is refused, but its decision grants amounts for {1}.': 'Ansökan "{0}" har fått avslag, men beslutet beviljar belopp för {1}.',
  "Remove `years` from the decision, or write `outcome: granted`.": "Ta bort `years` ur beslutet, eller skriv `outcome: granted`.",
  'The application "{0}" is granted money for {1}, a year before its decision ({2}).': 'Ansökan "{0}" har beviljats medel för {1}, ett år före beslutet ({2}).',
  "Check the year of the grant and the date of the decision.": "Kontrollera året för medlen och beslutets datum.",
  'The application "{0}" pays money back, but it was not granted any.': 'Ansökan "{0}" betalar tillbaka pengar, men har inte beviljats några.',
  "Remove the repayment, or give the decision that granted the money.": "Ta bort återbetalningen, eller ange beslutet som beviljade pengarna.",
  'The application "{0}" pays back {1}, more than the {2} it was granted.': 'Ansökan "{0}" betalar tillbaka {1}, mer än de {2} den beviljades.',
  "Correct the repayments, or the amounts granted under {0}.": "Rätta återbetalningarna, eller de beviljade beloppen under {0}.",
  // Allocations, internal control, copied text (src/rules/allocation.ts, internal-control.ts, copied.ts).
  "The weights of the key add up to {0} ({1}), but they share the whole amount between them: they must add up to 100 %.":
    "Nyckelns vikter summerar till {0} ({1}), men de delar hela beloppet mellan sig: de måste summera till 100 %.",
  "Write `weight: {0}` for {1}, or correct the other weights so that all add up to 100 %.":
    "Skriv `weight: {0}` för {1}, eller rätta de andra vikterna så att alla summerar till 100 %.",
  "Correct the weights so that they add up to 100 %.": "Rätta vikterna så att de summerar till 100 %.",
  "The measure {0} has no figure for {1}: every member needs a figure in every measure, or no member's amount can be computed.":
    "Måttet {0} har inget värde för {1}: varje medlem behöver ett värde i varje mått, annars kan ingen medlems belopp räknas fram.",
  "Add `{0}: <figure>` under `values`, from {1}.": "Lägg till `{0}: <värde>` under `values`, från {1}.",
  "The figure of {0} in the measure {1} is `~` (not known): no member's amount can be computed until it is.":
    "Värdet för {0} i måttet {1} är `~` (okänt): ingen medlems belopp kan räknas fram förrän det är känt.",
  "Write the figure from {0}.": "Skriv värdet från {0}.",
  "Every figure of the measure {0} is 0, so it cannot divide its {1} of the amount.":
    "Varje värde i måttet {0} är 0, så det kan inte fördela sina {1} av beloppet.",
  "Write the members' figures, or take the measure out of the key and give its weight to the others.":
    "Skriv medlemmarnas värden, eller ta bort måttet ur nyckeln och ge dess vikt till de andra.",
  "{0} is listed twice among the members (also as members[{1}]); it would get two shares.":
    "{0} står två gånger bland medlemmarna (också som members[{1}]); den skulle få två andelar.",
  "List each member once.": "Ange varje medlem en gång.",
  "The measure {0} has a figure for {1}, which is not one of the allocation's `members`.":
    "Måttet {0} har ett värde för {1}, som inte är en av medelsfördelningens `members`.",
  "Add {0} to `members` if it is to have a share, or take its figure out.": "Lägg till {0} i `members` om den ska ha en andel, eller ta bort dess värde.",
  "The figures of {0} are from {1}, but the key's figures are from {2} (`basisYear`): every share is computed from the same year.":
    "Värdena i {0} är från {1}, men nyckelns värden är från {2} (`basisYear`): varje andel räknas fram från samma år.",
  "Take the figures of {0} from {1}, or correct `basisYear` if the key is of {2}.":
    "Hämta värdena för {0} från {1}, eller rätta `basisYear` om nyckeln gäller {2}.",
  "The figure of {0} in {1} is from {2}, but the key's figures are from {3} (`basisYear`): its share is computed from another year than the others'.":
    "Värdet för {0} i {1} är från {2}, men nyckelns värden är från {3} (`basisYear`): dess andel räknas fram från ett annat år än de andras.",
  "Take the figure of {0} of {1} from {2}; where there is none, say why in the figure's `note`, which the table prints.":
    "Hämta värdet för {0} för {1} från {2}; finns inget, skriv varför i värdets `note`, som tabellen skriver ut.",
  "The levels of {0} are numbered from 1 in order; the level at place {1} ({2}) is numbered {3}.":
    "Nivåerna för {0} numreras i ordning från 1; nivån på plats {1} ({2}) har nummer {3}.",
  "Write `level: {0}`, or put the levels in order.": "Skriv `level: {0}`, eller ställ nivåerna i ordning.",
  "The risk {0} has {1} {2}, which is not on the scale: {3} runs from 1 ({4}) to {5} ({6}).":
    "Risken {0} har `{1}: {2}`, som inte finns på skalan: {3} går från 1 ({4}) till {5} ({6}).",
  "Write a level from 1 to {0}.": "Skriv en nivå från 1 till {0}.",
  "The risk {0} is scored {1}, but probability {2} × consequence {3} is {4}.": "Risken {0} har bedömningen {1}, men risk {2} × väsentlighet {3} är {4}.",
  "Write `score: {0}`, or correct the probability or the consequence.":
    "Skriv `score: {0}`, eller rätta risken (`probability`) eller väsentligheten (`consequence`).",
  "{0} % of the text of {1} is the same as that of {2}: it looks copied from it, with only a little changed.":
    "{0} % av texten i {1} är densamma som i {2}: den ser kopierad ut, med bara lite ändrat.",
  "{0} % of the text of {1} is the same as that of {2}, and 1 other document shares most of it too: it looks copied, with only a little changed.":
    "{0} % av texten i {1} är densamma som i {2}, och ytterligare ett dokument delar det mesta av den: den ser kopierad ut, med bara lite ändrat.",
  "{0} % of the text of {1} is the same as that of {2}, and {3} other documents share most of it too: it looks copied, with only a little changed.":
    "{0} % av texten i {1} är densamma som i {2}, och ytterligare {3} dokument delar det mesta av den: den ser kopierad ut, med bara lite ändrat.",
  "Write what is {0}'s own, or remove the one that replaces the other; where the two are meant to be alike, set `text/copied: off` under `rules:`.":
    "Skriv det som är {0}s eget, eller ta bort det dokument som ersätter det andra; ska de två vara lika, skriv `text/copied: off` under `rules:`.",
  "{0} % of this text is the same.": "{0} % av den här texten är densamma.",
  // A document by its kind (src/rules/rule.ts THIS_KIND).
  "this agreement": "det här samverkansavtalet",
  "this plan": "den här verksamhetsplanen",
  "this report": "den här verksamhetsberättelsen",
  "this memo": "den här tjänsteskrivelsen",
  "this budget": "den här budgeten",
  "this meeting": "den här kallelsen",
  "this strategy": "den här strategin",
  "this multi-year plan": "den här fleråriga planen",
  "this action plan": "den här handlingsplanen",
  "this follow-up": "den här uppföljningen",
  "this form": "det här formuläret",
  "this fund": "den här fonden",
  "this allocation": "den här medelsfördelningen",
  "this internal-control plan": "den här interna kontrollplanen",
  "this indicator": "den här indikatorn",
  // Figures cited in prose (src/model/figures.ts, src/rules/figures.ts).
  "Write one of {0}.": "Skriv en av {0}.",
  "{0} is not a unit this figure can be printed in (it is a count).": "{0} är ingen enhet som värdet kan skrivas i (det är ett antal).",
  "{0} is not a unit this figure can be printed in.": "{0} är ingen enhet som värdet kan skrivas i.",
  "Leave out `unit`.": "Ta bort `unit`.",
  "{0} is not a number of decimals from 0 to 9.": "{0} är inget antal decimaler från 0 till 9.",
  "Write e.g. `decimals=1`.": "Skriv till exempel `decimals=1`.",
  "{0} takes no value; it prints the figure without its sign.": "{0} tar inget värde; det skriver ut talet utan tecken.",
  "Write `abs` alone.": "Skriv bara `abs`.",
  "{0} has no money table {1}; it has {2}.": "{0} har ingen tabell {1}; den har {2}.",
  "{0} has no money tables (`tables:`) to cite.": "{0} har inga tabeller med belopp (`tables:`) att hämta värden ur.",
  "Cite a figure of a document that has them, or write the figure as text.": "Hämta värdet ur ett dokument som har dem, eller skriv värdet som text.",
  "A figure of the table {0} names its row: `row=` with the row's id or label.": "Ett värde ur tabellen {0} anger sin rad: `row=` med radens id eller rubrik.",
  "Add e.g. {0}.": "Lägg till exempelvis {0}.",
  "The table {0} has no row {1}.": "Tabellen {0} har ingen rad {1}.",
  "A figure of the table {0} names its column: `{1}=` with the column's id.": "Ett värde ur tabellen {0} anger sin kolumn: `{1}=` med kolumnens id.",
  "The table {0} has no column {1}; it has {2}.": "Tabellen {0} har ingen kolumn {1}; den har {2}.",
  "The cell of {0} under {1} is blank: there is no figure to cite (blank is not 0).":
    "Rutan för {0} under {1} är tom: det finns inget värde att hämta (tomt är inte 0).",
  "Cite a cell with a figure, or write the text without one.": "Hämta värdet ur en ruta med ett värde, eller skriv texten utan det.",
  "{0} prints a change in per cent, which needs the column it is measured from: `from=`.":
    "{0} skriver ut en förändring i procent, som behöver kolumnen den mäts från: `from=`.",
  "Add e.g. {0}, or leave out {1}.": "Lägg till exempelvis {0}, eller ta bort {1}.",
  "{0} in {1}: {2} {3}": "{0} i {1}: {2} {3}",
  "{0} in {1}: {2}": "{0} i {1}: {2}",
  "The change is measured from {0}, which is 0: it has no share.": "Förändringen mäts från {0}, som är 0: den har ingen andel.",
  "Cite the change in money instead.": "Hämta förändringen i kronor i stället.",
  "{0} ({1} % of {2})": "{0} ({1} % av {2})",
  "Only a plan has budget lines to cite with `line=`; this is `kind: {0}`.":
    "Bara en verksamhetsplan har budgetposter att hämta med `line=`; det här är `kind: {0}`.",
  "Cite a money table (`table=`) or a goal (`goal=`).": "Hämta värdet ur en tabell (`table=`) eller ett mål (`goal=`).",
  "The plan has no budget line {0}.": "Verksamhetsplanen har ingen budgetpost {0}.",
  "The budget line {0} has no amount to cite.": "Budgetposten {0} har inget belopp att hämta.",
  "Give the line its amounts, or write the text without a figure.": "Ge posten dess belopp, eller skriv texten utan värde.",
  "The budget line {0} has no amount of the party {1}{2}.": "Budgetposten {0} har inget belopp från parten {1}{2}.",
  "; it has {0}": "; den har {0}",
  "Leave out `party=` for the line's total.": "Ta bort `party=` för postens summa.",
  "Only a board's own report has goals with indicators to cite with `goal=`.":
    "Bara en nämnds egen verksamhetsberättelse har mål med indikatorer att hämta med `goal=`.",
  "Cite a money table (`table=`) or a budget line (`line=`).": "Hämta värdet ur en tabell (`table=`) eller en budgetpost (`line=`).",
  "The goal {0} has no indicators to cite.": "Målet {0} har inga indikatorer att hämta värden ur.",
  "Cite a goal with indicators: {0}.": "Hämta värdet ur ett mål med indikatorer: {0}.",
  "The report has no goal {0}.": "Verksamhetsberättelsen har inget mål {0}.",
  "{0}: the goal {1} has {2}, numbered from 1 in the order written.": "{0}: målet {1} har {2}, numrerade från 1 i den ordning de står.",
  "indicator|indicators": "indikator|indikatorer",
  "The goal {0} has {1} indicators; the figure does not say which.": "Målet {0} har {1} indikatorer; värdet anger inte vilken.",
  "{0} takes no value; it cites the indicator's target of the year.": "{0} tar inget värde; det hämtar indikatorns målvärde för året.",
  "Write `target` alone.": "Skriv bara `target`.",
  "The figure names no year ({0}).": "Värdet anger inget år ({0}).",
  "The indicator has no target for {0} ({1}).": "Indikatorn har inget målvärde för {0} ({1}).",
  "The indicator has no value for {0} ({1}).": "Indikatorn har inget värde för {0} ({1}).",
  "Write the figure as text: the indicator has none to cite.": "Skriv värdet som text: indikatorn har inget att hämta.",
  "The value of {0} has no part {1}.": "Värdet för {0} har ingen del {1}.",
  "Leave out `part=`.": "Ta bort `part=`.",
  "{0} names no value; a value is split into `women` and `men`.": "{0} anger inget värde; ett värde delas upp i `women` och `men`.",
  "Write `sex=women` or `sex=men`.": "Skriv `sex=women` eller `sex=men`.",
  "The indicator has no {0} value for {1} to cite ({2}).": "Indikatorn har inget värde för `sex={0}` för {1} att hämta ({2}).",
  "The indicator has no part {0} value for {1} to cite ({2}).": "Indikatorn har inget värde för delen {0} för {1} att hämta ({2}).",
  "The indicator has no total value for {0} to cite ({1}).": "Indikatorn har inget totalvärde för {0} att hämta ({1}).",
  "Name what it has: `sex=women`, `sex=men` or `part=`.": "Ange något den har: `sex=women`, `sex=men` eller `part=`.",
  "{0}, target of {1}: {2}": "{0}, målvärde för {1}: {2}",
  "{0}, value of {1}: {2}": "{0}, värde för {1}: {2}",
  "A figure takes no {0}; it takes {1}.": "Ett värde tar inget {0}; det tar {1}.",
  "Remove it.": "Ta bort det.",
  "A figure cites one thing; this one names {0}.": "Ett värde hämtas ur en sak; det här anger {0}.",
  "The figure names nothing to cite.": "Värdet anger inget att hämta.",
  'Name a money table (`table=drift row=netto col=utfall`), a budget line of a plan (`line=sroi`) or a board goal\'s indicator (`goal="7:1" year=2016`).':
    'Ange en tabell (`table=drift row=netto col=utfall`), en budgetpost i en verksamhetsplan (`line=sroi`) eller indikatorn för ett av nämndens mål (`goal="7:1" year=2016`).',
  "{0} does not go with `{1}=`, which takes {2}.": "{0} hör inte ihop med `{1}=`, som tar {2}.",
  "{0} do not go with `{1}=`, which takes {2}.": "{0} hör inte ihop med `{1}=`, som tar {2}.",
  "Remove {0}.": "Ta bort {0}.",
  "{0}: {1}": "{0}: {1}",
  'The text says "{0}" where the cited figure is {1} ({2}).': 'Texten säger "{0}" där det hämtade värdet är {1} ({2}).',
  "Write {0}, or correct the data; the page prints {1}.": "Skriv {0}, eller rätta uppgifterna; sidan skriver ut {1}.",
  '"{0}" stands beside the cited figure {1} with its digits but in {2}: a unit slip ({3}).':
    '"{0}" står bredvid det hämtade värdet {1} med samma siffror men i {2}: fel enhet ({3}).',
  "Write {0}, or cite it: {1}.": "Skriv {0}, eller hämta värdet: {1}.",
  // Command errors (UserError: src/write, render, scaffold, check, commands, pdf, kolada).
  "Nothing was changed: {0} is as it was before this build.": "Inget ändrades: {0} är som det var före bygget.",
  "{0}: no such file or folder.": "{0}: det finns ingen sådan fil eller mapp.",
  "No {0} in {1} or any folder above it, so this is not a plan repository.\nGive the path of one (e.g. `plan check examples`), or create one with `plan init`.":
    "Ingen {0} i {1} eller någon mapp ovanför, så det här är inget planarkiv.\nAnge sökvägen till ett (till exempel `plan check examples`), eller skapa ett med `plan init`.",
  '--jobs takes a whole number from 1 to 64; got "{0}".': '--jobs tar ett heltal från 1 till 64; fick "{0}".',
  "--watch builds every PDF that changes; it does not take --shard.": "--watch bygger varje PDF som ändras; det går inte ihop med --shard.",
  "Name the saved Kolada responses to import, e.g. `plan kolada import svar/*.json`.":
    "Ange de sparade svaren från Kolada som ska läsas in, till exempel `plan kolada import svar/*.json`.",
  "{0}: a folder without .json files.": "{0}: en mapp utan .json-filer.",
  "{0} is a symbolic link, and `plan kolada import` writes only into real folders of the repository, so that nothing lands elsewhere through a link. Replace the link by a folder (or file) of the repository, then import again; nothing was imported.":
    "{0} är en symbolisk länk, och `plan kolada import` skriver bara i riktiga mappar i arkivet, så att inget hamnar någon annanstans genom en länk. Ersätt länken med en mapp (eller fil) i arkivet och läs in igen; inget lästes in.",
  '--timeout takes seconds, a number above 0, e.g. 30; got "{0}".': '--timeout tar sekunder, ett tal över 0, till exempel 30; fick "{0}".',
  '--base-url takes a web address such as {0}; got "{1}".': '--base-url tar en webbadress som {0}; fick "{1}".',
  '--base-url takes an http or https address; got "{0}".': '--base-url tar en http- eller https-adress; fick "{0}".',
  "--out {0}: a file, not a folder.": "--out {0}: en fil, inte en mapp.",
  "--out {0}: the folder is not empty; give a new or empty one, so that importing it imports this fetch alone.":
    "--out {0}: mappen är inte tom; ange en ny eller tom mapp, så att den bara innehåller den här hämtningen när den läses in.",
  "No indicator in {0} takes its values from Kolada (`source: {{ type: kolada, kpi, municipality }}`); nothing to fetch.":
    "Ingen indikator i {0} hämtar sina värden från Kolada (`source: {{ type: kolada, kpi, municipality }}`); inget att hämta.",
  '--kommunkod takes four digits, e.g. 1441; got "{0}".': '--kommunkod tar fyra siffror, till exempel 1441; fick "{0}".',
  'A year is four digits, e.g. 2027; got "{0}".': 'Ett år är fyra siffror, till exempel 2027; fick "{0}".',
  'An amount is whole kronor written with digits only, e.g. 500000; got "{0}".':
    'Ett belopp är hela kronor skrivna med bara siffror, till exempel 500000; fick "{0}".',
  "{0} is a file, not a folder; nothing was written. Give a new or empty folder.": "{0} är en fil, inte en mapp; inget skrevs. Ange en ny eller tom mapp.",
  ", or renew only the copy of plan in .plan/ with `plan init --update {0}`": ", eller förnya bara kopian av plan i .plan/ med `plan init --update {0}`",
  " (replacing {0})": " (och ersätt {0})",
  "the {0} of the same names": "de {0} med samma namn",
  "{0} is not empty (it has {1}); nothing was written.\nGive a new or empty folder (`plan init folkhalsoplan`){2}, or add --force to write the files into it{3}.":
    "{0} är inte tom (den innehåller {1}); inget skrevs.\nAnge en ny eller tom mapp (`plan init folkhalsoplan`){2}, eller lägg till --force för att skriva filerna i den{3}.",
  "{0} has no plan.config.yaml, so it is not a plan repository; nothing was written. Give the folder that `plan init` made.":
    "{0} har ingen plan.config.yaml, så det är inget planarkiv; inget skrevs. Ange mappen som `plan init` skapade.",
  'plan new makes a plan, a report or a memo, not "{0}".':
    'plan new skapar en verksamhetsplan (plan), en verksamhetsberättelse (rapport) eller en tjänsteskrivelse (tjansteskrivelse), inte "{0}".',
  "Several plans are called {0}: {1}. Give one of these ids.": "Flera planer heter {0}: {1}. Ange ett av dessa id.",
  "No plan has the id {0}.{1}": "Ingen plan har id {0}.{1}",
  " Plans here: {0}.": " Planer här: {0}.",
  "plan new memo needs --for <plan id>.": "plan new memo behöver --for <planens id>.",
  "plan new {0} needs --from <plan id>.": "plan new {0} behöver --from <planens id>.",
  "{0} already exists; nothing was written. Use --force to overwrite it.": "{0} finns redan; inget skrevs. Använd --force för att skriva över den.",
  "Could not reach Kolada at {0}: {1}. Check your connection; nothing was written.":
    "Kunde inte nå Kolada på {0}: {1}. Kontrollera anslutningen; inget skrevs.",
  "Kolada at {0} answered {1}; nothing was written.": "Kolada på {0} svarade {1}; inget skrevs.",
  "Kolada's pages of {0} lead back to {1}; nothing was written.": "Koladas sidor för {0} leder tillbaka till {1}; inget skrevs.",
  "Kolada sent more than {0} pages (the last asked for: {1}); nothing was written.":
    "Kolada skickade fler än {0} sidor (den sista som efterfrågades: {1}); inget skrevs.",
  "Kolada at {0} did not send a data response ({1}: {2}); nothing was written.": "Kolada på {0} skickade inget datasvar ({1}: {2}); inget skrevs.",
  "Kolada's next page is not a web address: {0}; nothing was written.": "Koladas nästa sida är ingen webbadress: {0}; inget skrevs.",
  "{0}.\n{1}\nNothing was written. Without --pdf, plan builds the HTML and skips the PDFs.":
    "{0}.\n{1}\nInget skrevs. Utan --pdf bygger plan HTML-sidorna och hoppar över PDF-filerna.",
  "{0}. No file was written: the output folder is as it was before this build.": "{0}. Ingen fil skrevs: utdatamappen är som den var före bygget.",
  "Could not put {0} in place: {1} is a symbolic link, and plan writes only into real folders. Remove the link.":
    "Kunde inte lägga {0} på plats: {1} är en symbolisk länk, och plan skriver bara i riktiga mappar. Ta bort länken.",
  '--shard takes i/n with 1 ≤ i ≤ n, e.g. --shard 1/4 for the first of four CI jobs; got "{0}".':
    '--shard tar i/n med 1 ≤ i ≤ n, till exempel --shard 1/4 för det första av fyra CI-jobb; fick "{0}".',
  "{0} is refused: {1}; nothing was built.": "{0} nekas: {1}; inget byggdes.",
  'SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, found "{0}".':
    'SOURCE_DATE_EPOCH ska vara ett helt antal sekunder sedan 1970-01-01, fann "{0}".',
  "{0}:1:1: error [path/outside] The template is refused: {1}; it was not read.": "{0}:1:1: fel [path/outside] Mallen nekas: {1}; den lästes inte.",
  "{0}:{1}:{2}: error The template uses `{3}`, which pages no longer have: {4} (README: Templates).":
    "{0}:{1}:{2}: fel Mallen använder `{3}`, som sidorna inte längre har: {4} (README: Templates).",
  "There is no template {0}.hbs.": "Det finns ingen mall {0}.hbs.",
  "The template {0} failed: {1}": "Mallen {0} misslyckades: {1}",
  "plan's package in {0} has no {1} to copy (it is not built): run `npm run build` there first.":
    "plans paket i {0} har ingen {1} att kopiera (det är inte byggt): kör `npm run build` där först.",
  "{0} is a lockfile of version {1}; plan needs version 2 or 3 (npm 7 or later) to pin its copy's dependencies.":
    "{0} är en låsfil av version {1}; plan behöver version 2 eller 3 (npm 7 eller senare) för att låsa kopians beroenden.",
  "plan's package in {0} has no npm-shrinkwrap.json or package-lock.json, so the versions of its dependencies cannot be pinned.":
    "plans paket i {0} har ingen npm-shrinkwrap.json eller package-lock.json, så versionerna av dess beroenden kan inte låsas.",
  "The output folder {0} is a symbolic link; plan writes only into real folders, so that nothing lands elsewhere through a link. Give the real path with --out, or remove the link. Nothing was written.":
    "Utdatamappen {0} är en symbolisk länk; plan skriver bara i riktiga mappar, så att inget hamnar någon annanstans genom en länk. Ange den riktiga sökvägen med --out, eller ta bort länken. Inget skrevs.",
  "The output folder {0} lies under {1}, which is a symbolic link; plan writes only into real folders, so that nothing lands elsewhere through a link. Give the real path with --out, or remove the link. Nothing was written.":
    "Utdatamappen {0} ligger under {1}, som är en symbolisk länk; plan skriver bara i riktiga mappar, så att inget hamnar någon annanstans genom en länk. Ange den riktiga sökvägen med --out, eller ta bort länken. Inget skrevs.",
  "The output folder {0} is the repository or contains it; choose a folder of its own, e.g. --out dist. Nothing was written.":
    "Utdatamappen {0} är arkivet eller innehåller det; välj en egen mapp, till exempel --out dist. Inget skrevs.",
  "The output folder {0} holds {1}, a file of the repository's sources; a build replaces its output folder as a whole. Choose a folder of its own, e.g. --out dist. Nothing was written.":
    "Utdatamappen {0} innehåller {1}, en av arkivets källfiler; ett bygge ersätter hela utdatamappen. Välj en egen mapp, till exempel --out dist. Inget skrevs.",
  "The output folder {0} is a file, not a folder; remove it, or choose another with --out. Nothing was written.":
    "Utdatamappen {0} är en fil, inte en mapp; ta bort den, eller välj en annan med --out. Inget skrevs.",
  "The output folder {0} holds files that plan did not build (it has no {1} mark), and a build replaces the folder as a whole. Choose a new or empty folder with --out, or empty this one. Nothing was written.":
    "Utdatamappen {0} innehåller filer som plan inte har byggt (den saknar märket {1}), och ett bygge ersätter hela mappen. Välj en ny eller tom mapp med --out, eller töm den här. Inget skrevs.",
  "Could not write into {0}: {1} is a symbolic link, and plan writes only into real folders. Remove the link. No file was written.":
    "Kunde inte skriva i {0}: {1} är en symbolisk länk, och plan skriver bara i riktiga mappar. Ta bort länken. Ingen fil skrevs.",
  "permission denied; choose an output folder you may write to (--out)": "behörighet saknas; välj en utdatamapp som du får skriva i (--out)",
  "the disk is full; make room and build again": "disken är full; frigör utrymme och bygg igen",
  "the disk quota is used up; make room and build again": "diskkvoten är slut; frigör utrymme och bygg igen",
  "the file system is read-only; choose another output folder (--out)": "filsystemet är skrivskyddat; välj en annan utdatamapp (--out)",
  "a name in the path is longer than the file system takes (255 bytes, or the whole path too long); choose a shorter output folder (--out) or shorter file names":
    "ett namn i sökvägen är längre än filsystemet tillåter (255 byte, eller hela sökvägen för lång); välj en kortare utdatamapp (--out) eller kortare filnamn",
  "a file of that name is in the way; remove it, or choose another output folder (--out)":
    "en fil med det namnet är i vägen; ta bort den, eller välj en annan utdatamapp (--out)",
  "a file is in the way where a folder is needed; remove it, or choose another output folder (--out)":
    "en fil är i vägen där en mapp behövs; ta bort den, eller välj en annan utdatamapp (--out)",
  "a folder of that name is in the way; remove it, or choose another output folder (--out)":
    "en mapp med det namnet är i vägen; ta bort den, eller välj en annan utdatamapp (--out)",
  "Could not write the folder {0}: {1}. No file was written.": "Kunde inte skriva mappen {0}: {1}. Ingen fil skrevs.",
  "Could not write the file {0}: {1}. Files written before it are in place; the others keep their previous version.":
    "Kunde inte skriva filen {0}: {1}. Filer som skrevs före den är på plats; de andra behåller sin förra version.",
  "Could not write {0}: {1}. {2}": "Kunde inte skriva {0}: {1}. {2}",
  "the output": "utdata",
  // What the commands print besides findings (build, watch, init, new, budget, kolada).
  "plan: nothing is built from a repository with errors; fix them first.": "plan: inget byggs från ett arkiv med fel; rätta dem först.",
  "plan: nothing changed since the last build: {0} is as it was, and nothing was written.":
    "plan: inget har ändrats sedan förra bygget: {0} är som det var, och inget skrevs.",
  "plan: built {0} and {1} into {2}": "plan: byggde {0} och {1} i {2}",
  "{0} ({1} rendered, {2} unchanged)": "{0} ({1} renderade, {2} oförändrade)",
  "{0} changed while plan was building; build again.": "{0} ändrades medan plan byggde; bygg igen.",
  "page|pages": "sida|sidor",
  "other file|other files": "annan fil|andra filer",
  "plan: {0} joined in {1} s": "plan: sammanfogade {0} på {1} s",
  "meeting packet|meeting packets": "sammanträdespaket|sammanträdespaket",
  "plan: warning: no meeting packet for {0}.": "plan: varning: inget sammanträdespaket för {0}.",
  " (shard {0})": " (del {0})",
  "--no-pdf was given": "--no-pdf angavs",
  "{0}; pass --pdf to make that an error, or see `plan build --help` for --browser":
    "{0}; ange --pdf för att göra det till ett fel, eller se `plan build --help` om --browser",
  "plan: PDFs skipped{0}: {1}.": "plan: PDF-filerna hoppades över{0}: {1}.",
  "plan: warning: 1 PDF in the output folder no longer matches its document: {0}":
    "plan: varning: 1 PDF i utdatamappen stämmer inte längre med sitt dokument: {0}",
  "plan: warning: {0} PDFs in the output folder no longer match their documents: {1}":
    "plan: varning: {0} PDF-filer i utdatamappen stämmer inte längre med sina dokument: {1}",
  " in {0} s, {1} in parallel": " på {0} s, {1} samtidigt",
  ", {0} unchanged": ", oförändrade: {0}",
  "plan: {0} rendered{1}{2}{3}": "plan: framställde {0}{1}{2}{3}",
  "PDF|PDFs": "PDF|PDF-filer",
  "plan: warning: blocked {0} to addresses outside the output folder while printing ({1}); the PDFs were made without them.":
    "plan: varning: stoppade {0} till adresser utanför utdatamappen under utskriften ({1}); PDF-filerna gjordes utan dem.",
  "request|requests": "begäran|begäranden",
  "plan: warning: {0}: {1} is in none of the fonts plan ships; the browser took it from a font of this computer, so the PDF may print it differently elsewhere or as a box. Write it in words in the document, or leave it out.":
    "plan: varning: {0}: {1} finns inte i något av de typsnitt som följer med plan; webbläsaren tog tecknet från ett typsnitt på den här datorn, så PDF-filen kan visa det annorlunda på andra datorer eller som en ruta. Skriv det med ord i dokumentet, eller ta bort det.",
  "plan: warning: {0}: {1} are in none of the fonts plan ships; the browser took them from a font of this computer, so the PDF may print them differently elsewhere or as a box. Write them in words in the document, or leave them out.":
    "plan: varning: {0}: {1} finns inte i något av de typsnitt som följer med plan; webbläsaren tog tecknen från ett typsnitt på den här datorn, så PDF-filen kan visa dem annorlunda på andra datorer eller som rutor. Skriv dem med ord i dokumentet, eller ta bort dem.",
  "plan: no roll-ups from a repository with errors; fix them first.": "plan: inga sammanställningar från ett arkiv med fel; rätta dem först.",
  "1 {0} page": "1 sida ({0})",
  "{0} {1} pages": "{0} sidor ({1})",
  "{0} without paging fields": "{0} utan fält för sidindelning",
  "Read {0} ({1}): {2} of {3}": "Läste {0} ({1}): {2} för {3}",
  "Kolada response file|Kolada response files": "svarsfil från Kolada|svarsfiler från Kolada",
  "value|values": "värde|värden",
  "KPI|KPIs": "nyckeltal|nyckeltal",
  "{0}; left out {1} that Kolada marks deleted.": "{0}; utelämnade {1} som Kolada markerar som borttagna.",
  unchanged: "oförändrad",
  updated: "uppdaterad",
  "new file": "ny fil",
  "  {0}  {1} added, {2} changed, {3} unchanged ({4})": "  {0}  {1} tillagda, {2} ändrade, {3} oförändrade ({4})",
  "In all: {0} added, {1} changed, {2} unchanged.": "Totalt: {0} tillagda, {1} ändrade, {2} oförändrade.",
  "Note: the files disagree on {0}": "Obs: filerna skiljer sig åt för {0}",
  "No indicator uses this KPI (imported all the same):": "Ingen indikator använder det här nyckeltalet (inläst ändå):",
  "No indicator uses these KPIs (imported all the same):": "Ingen indikator använder de här nyckeltalen (inlästa ändå):",
  "  {0} for {1}": "  {0} för {1}",
  'Link an indicator with `source: {{ type: kolada, kpi: …, municipality: "…" }}`, or delete its file.':
    'Koppla en indikator med `source: {{ type: kolada, kpi: …, municipality: "…" }}`, eller ta bort filen.',
  "… and {0} more": "… och {0} till",
  "1 file is not a Kolada data response (v2 or v3); nothing was imported.": "1 fil är inget datasvar från Kolada (v2 eller v3); inget lästes in.",
  "{0} files are not a Kolada data response (v2 or v3); nothing was imported.": "{0} filer är inga datasvar från Kolada (v2 eller v3); inget lästes in.",
  "Fix or remove the file above, then import again; nothing was imported.": "Rätta eller ta bort filen ovan och läs in igen; inget lästes in.",
  "plan: skipped {0}, which could not be read ({1}); `plan check` says more.": "plan: hoppade över {0}, som inte kunde läsas ({1}); `plan check` säger mer.",
  "Asking Kolada at {0} for {1} of {2}:": "Frågar Kolada på {0} efter {1} för {2}:",
  "municipality|municipalities": "kommun|kommuner",
  "  {0} for {1}, {2}": "  {0} för {1}, {2}",
  "Saved {0} ({1}) in {2}\nNothing in the repository has changed yet. To import the values, run:\n  plan kolada import {3}{4}":
    "Sparade {0} ({1}) i {2}\nInget i arkivet har ändrats ännu. Kör det här för att läsa in värdena:\n  plan kolada import {3}{4}",
  'Created a plan repository in {0} ({1}).\n\nNext:\n{2}  plan check   check the documents\n  plan build   render them to HTML (and PDF, where a browser is found) in dist/\n  git init -b main && git add . && git commit -m "Folkhälsoplan"':
    'Skapade ett planarkiv i {0} ({1}).\n\nNästa steg:\n{2}  plan check   kontrollera dokumenten\n  plan build   gör HTML-sidor (och PDF, där en webbläsare finns) av dem i dist/\n  git init -b main && git add . && git commit -m "Folkhälsoplan"',
  "Renewed the copy of plan in {0}: {1}{2}.\nCommit {3}/; CI installs this plan from the next run on.":
    "Förnyade kopian av plan i {0}: {1}{2}.\nChecka in {3}/; CI installerar den här versionen av plan från nästa körning.",
  "The copy of plan in {0} is already this plan ({1}); nothing changed.": "Kopian av plan i {0} är redan den här versionen ({1}); inget ändrades.",
  "Wrote {0} (a draft).": "Skrev {0} (ett utkast).",
  "To fill in:": "Att fylla i:",
  "plan: nothing built; {0} keeps the last build without errors.": "plan: inget byggdes; {0} behåller det senaste bygget utan fel.",
  ", {0} removed": ", borttagna: {0}",
  "plan: {0} {1} written{2} in {3} ({4} s)": "plan: {0} skrev {1}{2} i {3} ({4} s)",
  "Watching {0} for changes; press Ctrl+C to stop.": "Bevakar {0} efter ändringar; tryck Ctrl+C för att sluta.",
  "plan: the repository folder {0} is gone; waiting for it to come back (press Ctrl+C to stop).":
    "plan: arkivmappen {0} är borta; väntar på att den kommer tillbaka (tryck Ctrl+C för att sluta).",
  // plan diff (src/diff/format-common.ts, format-text.ts, format-markdown.ts).
  "Documents: {0} changed, {1} added, {2} removed, {3} moved": "Dokument: {0} ändrade, {1} tillagda, {2} borttagna, {3} flyttade",
  added: "tillagt",
  removed: "borttaget",
  changed: "ändrat",
  moved: "flyttat",
  renamed: "omdöpt",
  "(none)": "(inget)",
  "(empty)": "(tomt)",
  "moved from {0}": "flyttat från {0}",
  "id was {0}": "id var {0}",
  "not valid in {0}; see plan check": "inte giltigt i {0}; se plan check",
  "base and head": "före och efter",
  "keeps the agreement's split again": "följer avtalets fördelning igen",
  "keeps the agreement's split": "följer avtalets fördelning",
  "no longer keeps the agreement's split": "följer inte längre avtalets fördelning",
  "still does not keep the agreement's split": "följer fortfarande inte avtalets fördelning",
  "does not keep the agreement's split": "följer inte avtalets fördelning",
  "the lines give {0}, where the split gives {1}": "posterna ger {0}, där fördelningen ger {1}",
  goal: "mål",
  intervention: "insats",
  "goal follow-up": "måluppföljning",
  '{0} added: {1} "{2}"': 'Tillagt: {0} {1} "{2}"',
  '{0} removed: {1} "{2}"': 'Borttaget: {0} {1} "{2}"',
  '{0} renamed: {1} "{2}" → "{3}"': 'Omdöpt: {0} {1} "{2}" → "{3}"',
  '{0} changed: {1} "{2}"': 'Ändrat: {0} {1} "{2}"',
  'Money table "{0}" ({1}, {2}): {3}': 'Tabell "{0}" ({1}, {2}): {3}',
  "the table's top level": "tabellens översta nivå",
  "a line": "en post",
  "a memo row": "en varav-rad",
  "a formula row": "en summarad",
  "a total": "en totalrad",
  "a heading": "en rubrik",
  "{0} → {1}: figures are not comparable; each is shown in its own unit, and listed only where its amount in kronor changed.":
    "{0} → {1}: talen går inte att jämföra; vart och ett visas i sin egen enhet, och bara där beloppet i kronor har ändrats.",
  "column added: {0} ({1})": "kolumn tillagd: {0} ({1})",
  "column removed: {0} ({1})": "kolumn borttagen: {0} ({1})",
  "it is listed below with its difference read the new way": "det visas nedan med skillnaden läst på det nya sättet",
  "they are listed below with their differences read the new way": "de visas nedan med skillnaderna lästa på det nya sättet",
  "1 figure turned its sign with it": "1 tal bytte tecken med den",
  "{0} figures turned their sign with it": "{0} tal bytte tecken med den",
  ": {0}; {1} did not, and {2}": ": {0}; {1} gjorde det inte, och {2}",
  ": {0}": ": {0}",
  ": no figure turned its sign with it; {0}": ": inget tal bytte tecken med den; {0}",
  "{0} now {1}, was {2}{3}": "{0} nu {1}, var {2}{3}",
  'column {0}: heading "{1}" → "{2}"': 'kolumn {0}: rubrik "{1}" → "{2}"',
  "column {0}: {1}": "kolumn {0}: {1}",
  "{0}, ": "{0}, ",
  "{0} ({1}added to {2}){3}": "{0} ({1}tillagd i {2}){3}",
  "{0} ({1}removed from {2}){3}": "{0} ({1}borttagen ur {2}){3}",
  '"{0}" renamed "{1}"': '"{0}" heter nu "{1}"',
  "{0} is now {1}, was {2}": "{0} är nu {1}, var {2}",
  "{0} moved from {1} to {2}": "{0} flyttad från {1} till {2}",
  "… and {0} more {1}; run `plan diff` locally to see them all.": "… och {0} till ({1}); kör `plan diff` på din dator för att se alla.",
  "No differences in the plans.": "Inga skillnader i planerna.",
  "Edited without a change in meaning: {0}": "Redigerade utan ändrad innebörd: {0}",
  "(from {0}) ": "(från {0}) ",
  documents: "dokument",
  "edited without a change in meaning: {0}": "redigerade utan ändrad innebörd: {0}",
  "**Money per agreement and year** (carry-overs aside)": "**Pengar per avtal och år** (utom överföringar)",
  Agreement: "Avtal",
  Year: "År",
  Party: "Part",
  Before: "Före",
  After: "Efter",
  Difference: "Skillnad",
  "Other income": "Övriga intäkter",
  Total: "Summa",
  "… and {0} more agreements and years.": "… och {0} avtal och år till.",
  Split: "Fördelning",
  "split {0}": "fördelning {0}",
  "**New problems** (found by `plan check` in head, not in base): {0}": "**Nya problem** (som `plan check` hittar efter ändringen, inte före): {0}",
  "No new problems.": "Inga nya problem.",
  "Fix:": "Åtgärd:",
  problems: "problem",
  "Checked {0} of {1} files: those that changed and those they refer to or that refer to them.":
    "Kontrollerade {0} av {1} filer: de som ändrats och de som de hänvisar till eller som hänvisar till dem.",
  "Line total": "Summa för posten",
  Line: "Post",
  "(before the first heading)": "(före första rubriken)",
  "Changed figures": "Ändrade tal",
  "Totals that changed": "Summor som ändrats",
  Row: "Rad",
  Column: "Kolumn",
  "Allocation per member": "Fördelning per medlem",
  Member: "Medlem",
  Allocated: "Fördelat",
  "Budget lines": "Budgetposter",
  "Outcome (utfall)": "Utfall",
  "Other changes on budget lines": "Andra ändringar i budgetposter",
  "Goals, interventions and indicators": "Mål, insatser och indikatorer",
  Fields: "Fält",
  Sections: "Avsnitt",
  "The details of {0} are left out to stay within GitHub's limit of {1} characters for a comment; run `plan diff` on the same revisions to see them.":
    "Detaljerna för {0} är utelämnade för att hålla kommentaren inom GitHubs gräns på {1} tecken; kör `plan diff` på samma versioner för att se dem.",
  "more document|more documents": "dokument till|dokument till",
  "… the headline is cut here to stay within GitHub's limit.": "… sammanfattningen avbryts här för att hålla sig inom GitHubs gräns.",
  "… the rest of this document's changes are left out to keep the comment within GitHub's limit.":
    "… resten av dokumentets ändringar är utelämnade för att hålla kommentaren inom GitHubs gräns.",
  "Money per agreement and year (carry-overs aside)": "Pengar per avtal och år (utom överföringar)",
  "New problems (found by plan check in head, not in base): {0}": "Nya problem (som plan check hittar efter ändringen, inte före): {0}",
  "(Checked {0} of {1} files: those that changed and those they refer to or that refer to them.)":
    "(Kontrollerade {0} av {1} filer: de som ändrats och de som de hänvisar till eller som hänvisar till dem.)",
  "paragraph|paragraphs": "stycke|stycken",
  // The command line's help (src/commands/main.ts): commander's headings and every description.
  "Usage:": "Användning:",
  "Options:": "Flaggor:",
  "Commands:": "Kommandon:",
  "Arguments:": "Argument:",
  "Global Options:": "Globala flaggor:",
  "choices: {0}": "val: {0}",
  "default: {0}": "standard: {0}",
  "Checks and renders the joint public-health plans of Swedish municipalities.": "Kontrollerar och framställer svenska kommuners gemensamma folkhälsoplaner.",
  "output the version number": "visa versionsnumret",
  "display help for command": "visa hjälp för kommandot",
  "the language plan speaks: sv (svenska) or en (English); default: Swedish, or English where LANG is English":
    "språket som plan talar: sv (svenska) eller en (English); standard: svenska, eller engelska där LANG är engelsk",
  "(run `plan --help` for the commands and their options)": "(kör `plan --help` för kommandona och deras flaggor)",
  "Validate every document against the schemas and the rules between documents.":
    "Kontrollera varje dokument mot fältens regler och reglerna mellan dokumenten.",
  "the plan repository, or a folder or file inside it": "planarkivet, eller en mapp eller fil i det",
  "output format": "utdataformat",
  "exit 1 on warnings too": "avsluta med 1 även vid varningar",
  "check again whenever a file is saved, until Ctrl+C": "kontrollera igen varje gång en fil sparas, tills Ctrl+C",
  "check every file anew, without reading or writing the cache in .plan-cache/":
    "kontrollera varje fil på nytt, utan att läsa eller skriva cachen i .plan-cache/",
  "Print the budget roll-ups: per plan, per agreement and year, per party across agreements.":
    "Skriv ut budgetsammanställningarna: per plan, per avtal och år, per part över alla avtal.",
  "Create a working plan repository in a new or empty folder: configuration, agreement, plan, memo, README, CI for GitHub and GitLab with a copy of this plan in .plan/ for it to install, and editor settings.":
    "Skapa ett fungerande planarkiv i en ny eller tom mapp: inställningar, avtal, plan, tjänsteskrivelse, README, CI för GitHub och GitLab med en kopia av plan i .plan/ att installera, och inställningar för redigeraren.",
  "the folder to create it in": "mappen att skapa det i",
  "the municipality": "kommunen",
  "its four-digit kommunkod, for Kolada": "dess fyrsiffriga kommunkod, för Kolada",
  "the region's board it works with": "regionens nämnd som kommunen samarbetar med",
  "the board's short name in tables": "nämndens korta namn i tabeller",
  "the year of the first plan (default: next year)": "året för den första planen (standard: nästa år)",
  "each party's yearly contribution in whole kronor": "varje parts årliga bidrag i hela kronor",
  "write into a folder that is not empty, replacing the files of the same names": "skriv i en mapp som inte är tom, och ersätt filerna med samma namn",
  "renew only the copy of plan in .plan/ (which CI installs) from this plan: no network; the copy's dependencies come from npm when CI installs them":
    "förnya bara kopian av plan i .plan/ (som CI installerar) från den här versionen: inget nätverk; kopians beroenden hämtas från npm när CI installerar dem",
  "Draft a document from a plan: next year's plan, the year's report, or the memo about it.":
    "Gör ett utkast utifrån en plan: nästa års plan, årets verksamhetsberättelse eller tjänsteskrivelsen om den.",
  "plan, report or memo": "plan, rapport (report) eller tjansteskrivelse (memo)",
  "the plan to start from (plan, report)": "planen att utgå från (plan, rapport)",
  "the plan the memo is about (memo)": "planen som tjänsteskrivelsen gäller (tjansteskrivelse)",
  "plan: leave the amounts empty instead of copying them": "plan: lämna beloppen tomma i stället för att kopiera dem",
  "plan: the year of the new plan (default: the next)": "plan: året för den nya planen (standard: nästa)",
  "overwrite an existing file": "skriv över en befintlig fil",
  "Check, then render every plan, memo, report and roll-up to standalone HTML, with an index, and the plans, memos, reports and agreements to PDF.":
    "Kontrollera, och gör sedan fristående HTML-sidor av varje plan, tjänsteskrivelse, verksamhetsberättelse och sammanställning, med en startsida, och PDF-filer av planerna, tjänsteskrivelserna, verksamhetsberättelserna och avtalen.",
  "output folder (default: dist in the repository)": "utdatamapp (standard: dist i arkivet)",
  "require the PDFs: exit 2 when no browser is found (default: PDFs when a browser is found)":
    "kräv PDF-filerna: avsluta med 2 när ingen webbläsare hittas (standard: PDF-filer när en webbläsare hittas)",
  "HTML only, no PDFs": "bara HTML, inga PDF-filer",
  "the Chrome, Chromium or Edge to print with (default: PUPPETEER_EXECUTABLE_PATH, then the usual places)":
    "Chrome, Chromium eller Edge att skriva ut med (standard: PUPPETEER_EXECUTABLE_PATH, sedan de vanliga platserna)",
  "pages printing at the same time (default: the number of cores)": "sidor som skrivs ut samtidigt (standard: antalet kärnor)",
  "make only the i-th of n shares of the PDFs, for CI jobs that split a large repository":
    "gör bara den i:te av n delar av PDF-filerna, för CI-jobb som delar upp ett stort arkiv",
  "build again whenever a file is saved, until Ctrl+C: only what changed is rendered and written":
    "bygg igen varje gång en fil sparas, tills Ctrl+C: bara det som ändrats framställs och skrivs",
  "list each warning with its place and fix (default: a line per file, with its rules)":
    "visa varje varning med dess plats och åtgärd (standard: en rad per fil, med dess regler)",
  'end every page with the line "Framställt <date> med plan." (default: none; a board\'s document says nothing about the software)':
    'avsluta varje sida med raden "Framställt <datum> med plan." (standard: ingen; en nämnds dokument säger inget om programvaran)',
  "Show what changed between two revisions: documents, money per party, the split, new problems, prose.":
    "Visa vad som ändrats mellan två versioner: dokument, pengar per part, fördelningen, nya problem, text.",
  "the revision to compare from (default: the merge base with the default branch); `A..B` and `A...B` work as in git":
    "versionen att jämföra från (standard: den gemensamma basen med standardgrenen); `A..B` och `A...B` fungerar som i git",
  "the revision to compare to (default: the working tree)": "versionen att jämföra med (standard: arbetskopian)",
  "exit 1 when the plans differ, as `git diff --exit-code`": "avsluta med 1 när planerna skiljer sig åt, som `git diff --exit-code`",
  "the plan repository, or a folder inside it": "planarkivet, eller en mapp i det",
  "Indicator values from Kolada: import saved API responses, or fetch them (the only command that uses the network).":
    "Indikatorvärden från Kolada: läs in sparade svar från API:et, eller hämta dem (det enda kommandot som använder nätverket).",
  "Merge saved Kolada `data` responses (v3 or v2, any number of pages) into data/kolada/<KPI>-<municipality>.yaml.":
    "För in sparade `data`-svar från Kolada (v3 eller v2, hur många sidor som helst) i data/kolada/<KPI>-<kommun>.yaml.",
  "saved responses (.json), or folders of them": "sparade svar (.json), eller mappar med dem",
  "Ask Kolada for the values of every Kolada-linked indicator and save the answers for `plan kolada import`.":
    "Fråga Kolada efter värdena för varje indikator som är kopplad till Kolada och spara svaren för `plan kolada import`.",
  "a new or empty folder to save the pages in (default: a fresh folder in the system's temp folder)":
    "en ny eller tom mapp att spara sidorna i (standard: en ny mapp i systemets mapp för tillfälliga filer)",
  "the Kolada API (default: https://api.kolada.se/v3)": "Koladas API (standard: https://api.kolada.se/v3)",
  "how long to wait for each answer (default: 30)": "hur länge att vänta på varje svar (standard: 30)",
  // plan diff's and the printer's failures (src/diff/git.ts, snapshot.ts, index.ts; src/pdf/render.ts).
  "git is not installed, or not on the PATH; `plan diff` reads the revisions with it.":
    "git är inte installerat, eller finns inte i PATH; `plan diff` läser versionerna med det.",
  "{0} is not inside a git repository, so there are no revisions to compare.\nRun `plan diff` inside the plan repository's git working tree (or `git init` one).":
    "{0} ligger inte i ett git-arkiv, så det finns inga versioner att jämföra.\nKör `plan diff` i planarkivets git-arbetskopia (eller skapa en med `git init`).",
  "There is no {0} at {1}, so it holds no plan repository to compare with.\nName a base revision that has one: `plan diff <base> [head]`.":
    "Det finns ingen {0} i {1}, så där finns inget planarkiv att jämföra med.\nAnge en basversion som har en: `plan diff <bas> [head]`.",
  "Give either a range (`{0}`) or two revisions, not both.": "Ange antingen ett intervall (`{0}`) eller två versioner, inte båda.",
  "There is no default branch (origin/HEAD, main or master) in this clone to compare with":
    "Det finns ingen standardgren (origin/HEAD, main eller master) i den här klonen att jämföra med",
  "There is no default branch to compare with (neither origin/HEAD, main nor master exists).\nName the base revision: `plan diff <base> [head]`, e.g. `plan diff HEAD~1`.":
    "Det finns ingen standardgren att jämföra med (varken origin/HEAD, main eller master finns).\nAnge basversionen: `plan diff <bas> [head]`, till exempel `plan diff HEAD~1`.",
  "The revision `{0}` is not in this clone": "Versionen `{0}` finns inte i den här klonen",
  "The repository has no commits yet, so there is nothing to compare with. Commit first, or name two revisions.":
    "Arkivet har inga incheckningar ännu, så det finns inget att jämföra med. Checka in först, eller ange två versioner.",
  "Unknown revision `{0}`: no branch, tag or commit of this repository has that name.\nSee `git log --oneline` for commits and `git branch -a` for branches.":
    "Okänd version `{0}`: ingen gren, tagg eller incheckning i arkivet har det namnet.\nSe `git log --oneline` för incheckningar och `git branch -a` för grenar.",
  "The common ancestor of `{0}` and `{1}` is not in this clone": "Den gemensamma föregångaren till `{0}` och `{1}` finns inte i den här klonen",
  "`{0}` and `{1}` have no common history. Name the base revision: `plan diff <base> [head]`.":
    "`{0}` och `{1}` har ingen gemensam historik. Ange basversionen: `plan diff <bas> [head]`.",
  "{0}: it is a shallow clone, with only the latest commits fetched.\nFetch the history first: in GitHub Actions give actions/checkout `fetch-depth: 0`; elsewhere run `git fetch --unshallow`.":
    "{0}: det är en grund klon, där bara de senaste incheckningarna hämtats.\nHämta historiken först: i GitHub Actions ge actions/checkout `fetch-depth: 0`; annars kör `git fetch --unshallow`.",
  "There is no {0} in {1} or above it at {2}, so that revision holds no plan repository.":
    "Det finns ingen {0} i {1} eller ovanför i {2}, så den versionen innehåller inget planarkiv.",
  "the top folder": "den översta mappen",
  "There is no {0} in {1} or above it in the working tree, so this is not a plan repository.":
    "Det finns ingen {0} i {1} eller ovanför i arbetskopian, så det här är inget planarkiv.",
  "{0} in the working tree is refused: {1}. `plan check` says more.": "{0} i arbetskopian nekas: {1}. `plan check` säger mer.",
  "the browser stopped while printing {0} (it crashed or was killed)": "webbläsaren stannade under utskriften av {0} (den kraschade eller avslutades)",
  "printing {0} took longer than {1} s": "utskriften av {0} tog längre tid än {1} s",
  "could not print {0}: {1}": "kunde inte skriva ut {0}: {1}",
  "the browser stopped before printing (it crashed or was killed)": "webbläsaren stannade före utskriften (den kraschade eller avslutades)",
  "could not open a page in the browser: {0}": "kunde inte öppna en sida i webbläsaren: {0}",
  "could not start the browser {0}: {1}": "kunde inte starta webbläsaren {0}: {1}",
  "could not ask the browser its version: {0}": "kunde inte fråga webbläsaren om dess version: {0}",
  // Commander's own errors (src/commands/commander-errors.ts).
  "error: unknown command {0}": "fel: det finns inget kommando {0}",
  "error: unknown option {0}": "fel: det finns ingen flagga {0}",
  "error: the argument {0} is missing": "fel: argumentet {0} saknas",
  "error: the option {0} needs a value": "fel: flaggan {0} behöver ett värde",
  "error: the option {0} is required": "fel: flaggan {0} måste anges",
  "error: the option {0} cannot be {1}; choose {2}.": "fel: flaggan {0} kan inte vara {1}; välj {2}.",
  "error: too many arguments: {0} expected, {1} given.": "fel: för många argument: {0} väntades, {1} angavs.",
  "(Did you mean {0}?)": "(Menade du {0}?)",
  // Memos (src/rules/memo.ts).
  "Copy the number the registrar assigned. The tool never invents one.": "Skriv av diarienumret som registratorn gav ärendet; plan hittar aldrig på något.",
  "The memo lists itself ({0}) as an attachment; an attachment is a document the decision is based on, such as the plan.":
    "Tjänsteskrivelsen anger sig själv ({0}) som beslutsunderlag; ett beslutsunderlag är ett dokument som beslutet grundas på, till exempel planen.",
  "Name the plan, report or agreement the memo is about, or remove this attachment.":
    "Ange planen, verksamhetsberättelsen eller avtalet som tjänsteskrivelsen gäller, eller ta bort detta beslutsunderlag.",
  "The {0} names no handläggare (`handler`); only a political proposal (`type: political`) has none.":
    "Denna {0} anger ingen handläggare (`handler`); bara ett politiskt förslag (`type: political`) saknar handläggare.",
  "Add `handler: {{ name: …, title: … }}` with the handläggare's name and title, or write `type: political` if politicians wrote and sign it.":
    "Lägg till `handler: {{ name: …, title: … }}` med handläggarens namn och titel, eller skriv `type: political` om politiker skrivit och undertecknar det.",
  "The political proposal has no signatures; the politicians who make it sign it (the seed's: the chair, the vice chair and a member of the arbetsutskott).":
    "Det politiska förslaget har inga underskrifter; politikerna som lägger det undertecknar det (till exempel ordföranden, vice ordföranden och en ledamot av arbetsutskottet).",
  "Add `signatures:` with each politician's `name` and `title`, e.g. `- {{ name: Lennart Ottosson, title: Socialnämndens ordförande }}`.":
    "Lägg till `signatures:` med varje politikers `name` och `title`, till exempel `- {{ name: Lennart Ottosson, title: Socialnämndens ordförande }}`.",
  "{0} signs the political proposal without a role; the proposal prints each signer's role under the name.":
    "{0} undertecknar det politiska förslaget utan roll; förslaget skriver varje undertecknares roll under namnet.",
  "Add `title:` with the role, e.g. `Socialnämndens vice ordförande` or `Ledamot SNAU`.":
    "Lägg till `title:` med rollen, till exempel `Socialnämndens vice ordförande` eller `Ledamot SNAU`.",
  "Placeholder text {0} in the frontmatter of a decided document.": "Platshållartext {0} i fälten överst i ett beslutat dokument.",
  "Placeholder text {0} in the text of a decided document.": "Platshållartext {0} i texten i ett beslutat dokument.",
  "Placeholder text {0} in the frontmatter.": "Platshållartext {0} i fälten överst i filen.",
  "Placeholder text {0} in the text.": "Platshållartext {0} i texten.",
  "Write the real text; a decided document goes to the board as it is.":
    "Skriv den riktiga texten; ett beslutat dokument går till nämnden precis som det står.",
  "Fill it in before the document is decided.": "Fyll i det innan dokumentet beslutas.",
  // The browser (src/browser/find.ts, src/pdf/build.ts).
  This: "Detta",
  "{0} needs Chrome, Chromium or Edge, and none was found.\nInstall one, for example:\n  Debian/Ubuntu:  apt-get install chromium\n  any system:     npx @puppeteer/browsers install chrome-headless-shell\nthen tell plan where it is: set PUPPETEER_EXECUTABLE_PATH=/path/to/chrome, or pass --browser /path/to/chrome.":
    "{0} behöver Chrome, Chromium eller Edge, och ingen hittades.\nInstallera en, till exempel:\n  Debian/Ubuntu:  apt-get install chromium\n  alla system:    npx @puppeteer/browsers install chrome-headless-shell\nsäg sedan till plan var den finns: sätt PUPPETEER_EXECUTABLE_PATH=/sökväg/till/chrome, eller ange --browser /sökväg/till/chrome.",
  "Making the PDFs": "Att framställa PDF-filerna",
  "no Chrome, Chromium or Edge was found": "ingen Chrome, Chromium eller Edge hittades",
  "the usual places": "de vanliga platserna",
  "the browser given by {0}, {1}, does not exist or cannot be run": "webbläsaren som anges av {0}, {1}, finns inte eller kan inte köras",
  // The revisions of plan diff (src/diff/format-common.ts).
  "working tree": "arbetskopian",
  "merge base of {0} and {1}": "gemensam bas för {0} och {1}",
};
