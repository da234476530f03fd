// One plain line of why for the top of the campaign page: the story's first sentence,
// as text (links keep their words, emphasis and headings lose their marks).
export function whyLine(story: string): string {
  const paragraph = story.split(/\n\s*\n/).map((p) => p.trim()).find((p) => p && !p.startsWith("#")) ?? "";
  const text = paragraph
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`>]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  // The first sentence: up to a full stop followed by a space and a capital (or the end).
  const match = text.match(/^.*?[.!?](?=\s+[A-Z¿¡ÁÉÍÓÚÑ“"]|\s*$)/);
  return (match ? match[0] : text).trim();
}
