// Recipient names as USAspending writes them differ in punctuation and spacing only
// ("PALANTIR USG, INC." / "PALANTIR USG  INC."). Aliases are compared after this
// normalisation, whole name to whole name: never by substring, so "EVIGILANT.COM INC"
// can never match "VIGILANT SOLUTIONS".
export function normaliseName(name: string): string {
  return name
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[.,]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
