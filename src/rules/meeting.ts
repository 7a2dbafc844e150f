import type { AnyEntry, Entry, Repository } from "../model/repository.js";
import type { Meeting } from "../schema/meeting.js";
import type { Path } from "../source/locate.js";
import { DECIDES, PASSED_ON } from "../vocabulary.js";
import { PLACEHOLDER } from "./memo.js";
import { code, kindName, type Reporter, type Rule } from "./rule.js";
import { listOf, t, type Message, type Part } from "../format/message.js";

type Decides = NonNullable<Meeting["items"][number]["decides"]>;

/** Each item's documents that are in the repository, with their places in the meeting. */
function* itemDocuments(repo: Repository, meeting: Entry<"meeting">): Generator<{ item: Meeting["items"][number]; i: number; j: number; entry: AnyEntry }> {
  for (const [i, item] of meeting.data.items.entries()) {
    for (const [j, d] of item.documents.entries()) {
      const entry = d.document === undefined ? undefined : repo.documents.get(d.document);
      if (entry) yield { item, i, j, entry };
    }
  }
}

/** The diarienummer a document of an item carries, and where: a memo's `dnr`, another document's decision's. */
function caseNumbers(entry: AnyEntry): { numbers: string[]; at: Path; what: Message } | undefined {
  if (entry.kind === "memo") {
    const numbers = [entry.data.dnr].flat();
    return { numbers, at: ["dnr"], what: t`diarienummer` };
  }
  if ((entry.kind === "plan" || entry.kind === "report" || entry.kind === "budget" || entry.kind === "internal-control") && entry.data.decision?.dnr) {
    return { numbers: [entry.data.decision.dnr], at: ["decision", "dnr"], what: t`decision's diarienummer` };
  }
  return undefined;
}

export const meetingDnr: Rule = {
  id: "meeting/dnr",
  severity: "error",
  example: "Item 6 is on the agenda with Dnr `KS18.1357`, but its memo `lerum/tjansteskrivelse-ks18-1375` has the diarienummer `KS18.1375`.",
  summary:
    "An item's Dnr is its case's: the diarienummer of its memo (one of them, where it has several) and of the decision of a plan, report or budget on it, and it matches the organisation's pattern; two items may share one.",
  repository(repo, report) {
    for (const meeting of repo.meetings) {
      const party = repo.parties.get(meeting.data.organisation);
      const pattern = party?.dnr ? new RegExp(party.dnr.pattern, "u") : undefined;
      for (const [i, item] of meeting.data.items.entries()) {
        if (item.dnr === undefined || !pattern || pattern.test(item.dnr) || PLACEHOLDER.test(item.dnr)) continue;
        report(meeting.source, ["items", i, "dnr"], {
          reason: t`${code(item.dnr)} is not a diarienummer of ${party!.name}, which look like ${code(party!.dnr!.example)}.`,
          fix: t`Copy the number the registrar assigned to the case.`,
        });
      }
      for (const { item, i, j, entry } of itemDocuments(repo, meeting)) {
        const own = caseNumbers(entry);
        if (!own || (item.dnr !== undefined && own.numbers.includes(item.dnr))) continue;
        const theirs = listOf(own.numbers.map(code));
        const related = [{ source: entry.source, at: own.at, reason: t`The ${kindName(entry.kind)}'s ${own.what}.` }];
        if (item.dnr === undefined) {
          report(meeting.source, ["items", i, "documents", j, "document"], {
            reason: t`Item ${item.number} has no Dnr, but its ${kindName(entry.kind)} ${code(entry.id)} has the ${own.what} ${theirs}.`,
            fix: t`Write \`dnr: ${own.numbers[0]!}\` under the item.`,
            related,
          });
          continue;
        }
        report(meeting.source, ["items", i, "dnr"], {
          reason: t`Item ${item.number} is on the agenda with Dnr ${code(item.dnr)}, but its ${kindName(entry.kind)} ${code(entry.id)} has the ${own.what} ${theirs}.`,
          fix: t`Write \`dnr: ${own.numbers[0]!}\`, or name the documents of the case ${code(item.dnr)}.`,
          related,
        });
      }
    }
  },
};

/** A decision of a memo's proposal as it reads, after the proposal's lead-in where it has one. */
const proposalText = (memo: Entry<"memo">, decision: string) => (memo.data.proposalLead ? `${memo.data.proposalLead} ${decision}` : decision);

/**
 * Where a memo's proposal sends the decision: kommunfullmäktige (KF) or kommunstyrelsen (KS)
 * where a proposal says so ("lämnas vidare till kommunfullmäktige", "överlämnas till
 * kommunstyrelsen", "föreslår kommunfullmäktige …"), KF before KS; else the board the memo goes
 * to decides. With the proposal, where it says so.
 */
export function decisionEnds(memo: Entry<"memo">): { decides: Decides; proposal?: number } {
  for (const body of ["KF", "KS"] as const) {
    const name = PASSED_ON.bodies[body];
    const i = memo.data.proposal.findIndex((p) => {
      // With the words that lead into the decisions ("Socialnämnden föreslår kommunfullmäktige att:").
      const text = proposalText(memo, p).toLocaleLowerCase("sv").replace(/\s+/g, " ");
      return PASSED_ON.verbs.some((verb) => text.includes(`${verb} ${name}`));
    });
    if (i >= 0) return { decides: body, proposal: i };
  }
  return { decides: "board" };
}

export const meetingDecides: Rule = {
  id: "meeting/decides",
  severity: "warning",
  example: `Item 5 is on the agenda as KS (${DECIDES.KS.text}), but the proposal of its memo \`herrljunga/internkontroll-2016\` sends the decision to ${PASSED_ON.bodies.KF}: "Intern kontrollen 2016 ${PASSED_ON.verbs[0]} ${PASSED_ON.bodies.KF}."`,
  summary: `An item's Beslutsorgan (\`decides\`) agrees with its memo's proposal: a proposal that passes the decision on ("${PASSED_ON.verbs[0]} ${PASSED_ON.bodies.KF}", "${PASSED_ON.verbs[1]} ${PASSED_ON.bodies.KS}") makes it KF or KS; one that does not leaves it with the board.`,
  repository(repo, report) {
    for (const meeting of repo.meetings) {
      const board = repo.parties.get(meeting.data.organisation)?.short ?? meeting.data.board;
      const named = (d: Decides) =>
        d === "board" ? `${board} (${DECIDES.board.text} ${meeting.data.board.toLocaleLowerCase("sv")})` : `${DECIDES[d].code} (${DECIDES[d].text})`;
      for (const { item, i, entry } of itemDocuments(repo, meeting)) {
        if (entry.kind !== "memo" || item.decides === undefined || item.decides === "info") continue;
        const ends = decisionEnds(entry);
        if (ends.decides === item.decides) continue;
        const where = ends.proposal === undefined ? undefined : proposalText(entry, entry.data.proposal[ends.proposal]!);
        report(meeting.source, ["items", i, "decides"], {
          severity: "warning",
          reason:
            where === undefined
              ? t`Item ${item.number} is on the agenda as ${named(item.decides)}, but the proposal of its memo ${code(entry.id)} passes the decision on to no other body, so ${meeting.data.board} decides it.`
              : t`Item ${item.number} is on the agenda as ${named(item.decides)}, but the proposal of its memo ${code(entry.id)} sends the decision to ${PASSED_ON.bodies[ends.decides as "KF" | "KS"]}: "${where}"`,
          fix: t`Write \`decides: ${ends.decides}\`, or correct the memo's proposal.`,
          related: [{ source: entry.source, at: ends.proposal === undefined ? ["proposal"] : ["proposal", ends.proposal], reason: t`The memo's proposal.` }],
        });
      }
    }
  },
};

export const meetingDraft: Rule = {
  id: "meeting/draft-document",
  severity: "error",
  otherSeverity: "warning",
  example: "Item 6 puts `lerum/plan-2019` before the board, but it is a draft (`status: draft`).",
  summary: "The documents on a decided kallelse's agenda are final (`status: decided`); in a kallelse that is itself a draft, a draft document is a warning.",
  repository(repo, report) {
    for (const meeting of repo.meetings) {
      const severity = meeting.data.status === "decided" ? "error" : "warning";
      for (const { item, i, j, entry } of itemDocuments(repo, meeting)) {
        if (entry.data.status === "decided") continue;
        report(meeting.source, ["items", i, "documents", j, "document"], {
          severity,
          reason: t`Item ${item.number} puts ${code(entry.id)} before the board, but it is a draft (\`status: draft\`).`,
          fix: t`Finish the document and set \`status: decided\` in it, or take it off the agenda.`,
          related: [{ source: entry.source, at: ["status"], reason: t`The document's status.` }],
        });
      }
    }
  },
};

/** `13.05` and `13:05` alike, as minutes of the day. */
const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export const meetingOrder: Rule = {
  id: "meeting/order",
  severity: "error",
  example: "Item 5 follows item 3: the items are numbered 1, 2, 3, … in the order of the agenda.",
  summary: "A kallelse numbers its items 1, 2, 3, … in order, and the times of the agenda rise from the meeting's start to its planned end.",
  document(doc, report: Reporter) {
    if (doc.kind !== "meeting") return;
    const data = doc.data;
    data.items.forEach((item, i) => {
      const expected = i === 0 ? 1 : data.items[i - 1]!.number + 1;
      if (item.number === expected) return;
      report(doc.source, ["items", i, "number"], {
        reason:
          i === 0
            ? t`The first item is numbered ${item.number}: the items are numbered 1, 2, 3, … in the order of the agenda.`
            : t`Item ${item.number} follows item ${data.items[i - 1]!.number}: the items are numbered 1, 2, 3, … in the order of the agenda.`,
        fix: t`Write \`number: ${expected}\`, or move the item to its place.`,
      });
    });
    const times: { path: Path; time: string; what: Part }[] = [
      { path: ["time"], time: data.time, what: t`the meeting's start` },
      ...data.opening.flatMap((o, i) => (o.time ? [{ path: ["opening", i, "time"], time: o.time, what: `"${o.title}"` }] : [])),
      ...data.items.flatMap((item, i) => (item.time ? [{ path: ["items", i, "time"], time: item.time, what: t`item ${item.number}` }] : [])),
      ...(["messages", "delegations"] as const).flatMap((key) =>
        data[key]?.time ? [{ path: [key, "time"], time: data[key].time, what: key === "messages" ? t`the meddelanden` : t`the delegeringsbeslut` }] : [],
      ),
      // The planned end (`kl. 09:00-16:00`) after all of them.
      ...(data.end ? [{ path: ["end"], time: data.end, what: t`the meeting's planned end` }] : []),
    ];
    let latest = times[0]!;
    for (const time of times.slice(1)) {
      if (minutes(time.time) < minutes(latest.time)) {
        report(doc.source, time.path, {
          reason: t`The time of ${time.what}, ${time.time}, is earlier than that of ${latest.what}, ${latest.time}: the times of the agenda rise.`,
          fix: t`Correct the time, or move the item to its place in the agenda.`,
        });
        continue;
      }
      latest = time;
    }
  },
};
