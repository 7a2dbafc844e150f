/**
 * An id from a Swedish name: `Lerums kommun` → `lerums`, `Hälso- och sjukvårdsnämnd Väst` →
 * `halso-och-sjukvardsnamnd-vast`. The genitive s is kept: it cannot be told from a name's own
 * (Alingsås, Bengtsfors), and an id only has to be unique.
 */
export function idFromName(name: string): string {
  return name
    .replace(/ kommun$/i, "")
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
