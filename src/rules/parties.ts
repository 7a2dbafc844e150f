import { allMembers, membersOf } from "../model/parties.js";
import type { Repository } from "../model/repository.js";
import { code, partyLabel, type Rule } from "./rule.js";
import { listOf, t } from "../format/message.js";

/** The way from a group through its members back to itself, `[b, c, a]` for a → b → c → a; none where it holds no cycle through itself. */
function routeBack(repo: Repository, start: string): string[] | undefined {
  const seen = new Set<string>();
  const from = (id: string): string[] | undefined => {
    for (const member of membersOf(repo, id)) {
      if (member === start) return [member];
      if (seen.has(member)) continue;
      seen.add(member);
      const rest = from(member);
      if (rest) return [member, ...rest];
    }
    return undefined;
  };
  return from(start);
}

export const partyMembers: Rule = {
  id: "party/members",
  severity: "error",
  example: "`boras` is a member of `sjuharad-medlemmar` twice: as members[1] and through `boras-regionen` (members[8]).",
  summary:
    "A group of parties (`members` in plan.config.yaml) holds each party once (directly or through a group among its members) and never itself; a financier of an agreement is not also a member of another of its financiers.",
  repository(repo, report) {
    const label = (id: string) => partyLabel(repo, id);
    const config = repo.config;
    if (config) {
      const order = new Map<string, number>();
      config.data.parties.forEach((p, i) => order.set(p.id, order.get(p.id) ?? i));
      config.data.parties.forEach((party, i) => {
        const members = party.members ?? [];
        if (order.get(party.id) !== i) return; // a duplicate id is `id/duplicate`'s; its members are never read
        const route = routeBack(repo, party.id);
        // A cycle is reported once, at the group of it declared first.
        if (route && route.every((id) => (order.get(id) ?? Infinity) >= i)) {
          report(config.source, ["parties", i, "members", members.indexOf(route[0]!)], {
            reason:
              route.length === 1
                ? t`${label(party.id)} is listed among its own members.`
                : t`${label(party.id)} is a member of itself through ${listOf(route.slice(0, -1).map(label))} (${[party.id, ...route].join(" → ")}); a group cannot hold itself.`,
            fix: t`Remove the member that leads back to the group.`,
          });
        }
        const reached = new Map<string, number>();
        members.forEach((member, j) => {
          const through = [member, ...allMembers(repo, member)];
          // A member that leads back to the group is the cycle's message, not one per party met on the way round.
          if (through.includes(party.id)) return;
          const again = through.find((x) => reached.has(x) && reached.get(x) !== j);
          for (const x of through) if (!reached.has(x)) reached.set(x, j);
          if (again === undefined) return;
          const first = reached.get(again)!;
          const how = (k: number) => (members[k] === again ? `members[${k}]` : t`through ${label(members[k]!)} (members[${k}])`);
          report(config.source, ["parties", i, "members", j], {
            reason:
              member === again && members[first] === again
                ? t`${label(again)} is listed twice among the members of ${label(party.id)}.`
                : t`${label(again)} is a member of ${label(party.id)} twice: ${how(first)} and ${how(j)}.`,
            fix: t`List ${code(again)} once, so that its money and inhabitants count once.`,
            related: [
              { source: config.source, at: ["parties", i, "members", first], reason: t`The first time ${label(again)} is a member of ${label(party.id)}.` },
            ],
          });
        });
      });
    }
    for (const a of repo.agreements) {
      const financiers = a.data.contributions.map((c) => c.party);
      a.data.contributions.forEach((c, i) => {
        const group = financiers.find((g) => g !== c.party && allMembers(repo, g).includes(c.party));
        if (!group) return;
        report(a.source, ["contributions", i, "party"], {
          reason: t`${label(c.party)} contributes on its own and is also a member of ${label(group)}, which contributes too: its money would be counted twice.`,
          fix: t`Remove one of the two: the own contribution of ${code(c.party)} (the group's covers it), or ${code(c.party)} from the members of ${code(group)}.`,
        });
      });
    }
  },
};
