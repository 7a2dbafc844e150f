import type { Party } from "../schema/config.js";
import type { Entry, Repository } from "./repository.js";

/** A party's full name as printed (`Lerums kommun`); its id where the configuration declares none. */
export const partyName = (repo: Repository, id: string) => repo.parties.get(id)?.name ?? id;

/**
 * Short names for column headers (`HSN`, `Kommun`), the full name where two of `parties`
 * would have the same one: two columns both headed `Kommun` would not say whose is whose.
 */
export function partyLabels(repo: Repository, parties: readonly string[]): Map<string, string> {
  const short = parties.map((p) => repo.parties.get(p)?.short ?? partyName(repo, p));
  return new Map(parties.map((p, i) => [p, short.filter((s) => s === short[i]).length > 1 ? partyName(repo, p) : short[i]!]));
}

/** The municipality of an agreement: its party of type `kommun`, else its last party. */
export function municipalityOf(repo: Repository, agreement: Entry<"agreement"> | undefined): Party | undefined {
  if (!agreement) return undefined;
  const parties = agreement.data.parties.map((p) => repo.parties.get(p)).filter((p): p is Party => Boolean(p));
  return parties.find((p) => p.type === "kommun") ?? parties.at(-1);
}

/** The members of a group of parties (`members` in plan.config.yaml), as written; none for a single party. */
export const membersOf = (repo: Repository, id: string): readonly string[] => repo.parties.get(id)?.members ?? [];

/**
 * Every party a group holds, through groups inside it too, each once and in the order met;
 * a group met again (a cycle, which `party/members` reports) is not entered twice.
 */
export function allMembers(repo: Repository, id: string): string[] {
  const found: string[] = [];
  const entered = new Set([id]);
  const walk = (group: string) => {
    for (const member of membersOf(repo, group)) {
      if (!found.includes(member)) found.push(member);
      if (!entered.has(member)) {
        entered.add(member);
        walk(member);
      }
    }
  };
  walk(id);
  return found;
}

/** The names of a group's members, as the agreement's page and the memo list them under the group's name; none for a single party. */
export function memberNames(repo: Repository, id: string): string[] {
  return membersOf(repo, id).map((m) => partyName(repo, m));
}
